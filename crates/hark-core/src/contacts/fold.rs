//! Names compared as a person compares them: case and accents ignored ("Zoë" is
//! "zoe"), spaces squeezed.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` folded for matching: decomposed, without combining marks, lowercase, single
/// spaces.
pub fn folded(text: &str) -> String {
    let bare: String = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_and_spaces_do_not_matter() {
        assert_eq!(folded("  Zoë  ÅSTRÖM "), "zoe astrom");
        assert_eq!(folded("José"), folded("jose"));
        assert_eq!(folded("李伟"), "李伟");
        assert_eq!(folded("Ｌｉ Ｗｅｉ"), "li wei", "full-width letters too");
    }
}
