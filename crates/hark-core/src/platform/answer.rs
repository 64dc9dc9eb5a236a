//! Platform answers read into small typed structs, field by field.
//!
//! A platform's JSON is read leniently: a field that is missing, `null` or of another
//! type reads as `None` (mark each such field `#[serde(default, deserialize_with =
//! "answer::field")]`), so one odd field never hides the others, and the client says
//! in words which field it lacked. A body that is not a JSON object reads as the
//! struct's default (every field `None`).

use serde::de::{Deserialize, DeserializeOwned, Deserializer};

/// One field of an answer: `None` unless it is there with the expected type.
pub fn field<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(T::deserialize(value).ok())
}

/// `value` read as `T`; the default when it is not an object `T` can be read from.
pub fn read<T: DeserializeOwned + Default>(value: &serde_json::Value) -> T {
    T::deserialize(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Default, Deserialize, PartialEq)]
    struct Sent {
        #[serde(default, deserialize_with = "field")]
        message_id: Option<String>,
        #[serde(default, deserialize_with = "field")]
        count: Option<i64>,
    }

    #[test]
    fn an_odd_field_reads_as_none_and_leaves_the_others() {
        let sent: Sent = read(&serde_json::json!({"message_id": 5, "count": 3}));
        assert_eq!(
            sent,
            Sent {
                message_id: None,
                count: Some(3)
            }
        );
        let sent: Sent = read(&serde_json::json!({"message_id": "m.1", "count": null}));
        assert_eq!(sent.message_id.as_deref(), Some("m.1"));
        assert_eq!(sent.count, None);
    }

    #[test]
    fn what_is_not_an_object_reads_as_the_default() {
        for value in [
            serde_json::json!("ok"),
            serde_json::json!([1]),
            serde_json::Value::Null,
        ] {
            assert_eq!(read::<Sent>(&value), Sent::default());
        }
    }
}
