//! A CSV file of contacts: a name and an id (a phone number, a chat id…) per row, an
//! optional note after them. A header row is recognised and skipped; a row that cannot
//! be a contact is reported by its line, and the others are kept.

/// One row that can be a contact, with its line in the file (or its place in what the
/// platform listed).
#[derive(Debug, Clone, PartialEq)]
pub struct CsvRow {
    pub line: u64,
    /// Empty for someone the platform gives no name.
    pub name: String,
    pub id: String,
    pub note: Option<String>,
    /// When they last wrote (ms), where the platform says.
    pub last_heard_ms: Option<i64>,
}

/// What a file held: the rows that can be contacts, and the lines that cannot, with why.
#[derive(Debug, Default)]
pub struct CsvReport {
    pub rows: Vec<CsvRow>,
    /// Line and the reason's catalog words.
    pub bad: Vec<(u64, crate::i18n::Words)>,
}

/// Reads `text` (UTF-8, commas or semicolons, quotes as spreadsheets write them).
pub fn parse_csv(text: &str) -> CsvReport {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut report = CsvReport::default();
    for (index, record) in reader.records().enumerate() {
        let line = record
            .as_ref()
            .ok()
            .and_then(|r| r.position().map(|p| p.line()))
            .unwrap_or(index as u64 + 1);
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let why =
                    crate::i18n::Words::new("csv-unreadable-row").text("detail", e.to_string());
                report.bad.push((line, why));
                continue;
            }
        };
        let cell = |i: usize| record.get(i).map(str::trim).unwrap_or_default().to_owned();
        let (name, id) = (cell(0), cell(1));
        if name.is_empty() && id.is_empty() && record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if index == 0 && is_header(&name, &id) {
            continue;
        }
        if name.is_empty() {
            report
                .bad
                .push((line, crate::i18n::Words::new("csv-no-name")));
            continue;
        }
        if id.is_empty() {
            report
                .bad
                .push((line, crate::i18n::Words::new("csv-no-id")));
            continue;
        }
        let note = Some(cell(2)).filter(|n| !n.is_empty());
        report.rows.push(CsvRow {
            line,
            name,
            id,
            note,
            last_heard_ms: None,
        });
    }
    report
}

/// A first row that names its columns: each cell is a column's name, whole (a row of
/// "David,david-chat" is a contact, not a header).
fn is_header(name: &str, id: &str) -> bool {
    let names = [
        "name",
        "full name",
        "contact",
        "customer",
        "姓名",
        "名称",
        "名字",
        "联系人",
    ];
    let ids = [
        "id",
        "number",
        "phone",
        "phone number",
        "mobile",
        "chat id",
        "chat_id",
        "openid",
        "psid",
        "wa_id",
        "号码",
        "电话",
        "手机",
        "手机号",
        "手机号码",
    ];
    names.contains(&super::folded(name).as_str()) && ids.contains(&super::folded(id).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_rows_are_kept_and_bad_ones_named_by_line() {
        let report = parse_csv(
            "name,number\nLi Wei,+86 138 0013 8000\n,447700900123\nAna,\n\"Smith, Jo\",447700900124,VIP\n",
        );
        let names: Vec<_> = report.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Li Wei", "Smith, Jo"]);
        assert_eq!(report.rows[1].note.as_deref(), Some("VIP"));
        assert_eq!(report.rows[1].line, 5);
        let bad: Vec<_> = report
            .bad
            .iter()
            .map(|(line, w)| (*line, w.id.as_str()))
            .collect();
        assert_eq!(bad, [(3, "csv-no-name"), (4, "csv-no-id")]);
    }

    #[test]
    fn a_first_row_is_a_header_only_when_it_names_the_columns() {
        let report = parse_csv("David,david-chat\nAna,ana-chat\n");
        assert_eq!(report.rows.len(), 2, "David is a contact");
        let report = parse_csv("姓名,手机号\n李伟,13800138000\n");
        assert_eq!(report.rows.len(), 1);
        assert_eq!(report.rows[0].name, "李伟");
    }

    #[test]
    fn semicolons_and_no_header_are_read_too() {
        let report = parse_csv("\u{feff}Zoë;4477\nBo;4478\n");
        assert_eq!(report.rows.len(), 2);
        assert_eq!(report.rows[0].line, 1);
        assert!(report.bad.is_empty());
    }
}
