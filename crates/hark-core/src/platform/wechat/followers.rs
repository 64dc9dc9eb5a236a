//! A WeChat Official Account's followers, for its contacts: their OpenIDs from
//! `user/get` (up to 10,000 a call, paged by `next_openid`), then the remark the
//! account gave each from `user/info/batchget` (100 at a time). WeChat no longer gives
//! nicknames: a follower without a remark is imported unnamed, for the agent to name.

use serde::Deserialize;
use serde_json::json;

use super::Wechat;
use crate::platform::answer::{self, field};
use crate::platform::client::{Listed, Listing};
use crate::platform::doing::Doing;
use crate::platform::error::SendError;
use crate::platform::http::join;

/// How many OpenIDs `user/info/batchget` takes at once; how many `user/get` pages at most.
const BATCH: usize = 100;
const MOST_PAGES: usize = 100;

#[derive(Debug, Default, Deserialize)]
struct Followers {
    #[serde(default, deserialize_with = "field")]
    data: Option<OpenIds>,
    #[serde(default, deserialize_with = "field")]
    next_openid: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct OpenIds {
    #[serde(default)]
    openid: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Infos {
    #[serde(default)]
    user_info_list: Vec<Info>,
}

#[derive(Debug, Default, Deserialize)]
struct Info {
    #[serde(default, deserialize_with = "field")]
    openid: Option<String>,
    #[serde(default, deserialize_with = "field")]
    remark: Option<String>,
    /// 0 when they no longer follow the account.
    #[serde(default, deserialize_with = "field")]
    subscribe: Option<i64>,
}

impl Wechat {
    /// The account's followers and their remarks; `seen` hears how many so far.
    pub(super) fn followers(&self, seen: &dyn Fn(usize)) -> Result<Listing, SendError> {
        let list_url = join(&self.base, "cgi-bin/user/get");
        let mut openids: Vec<String> = Vec::new();
        let mut next = String::new();
        for _ in 0..MOST_PAGES {
            let page: Followers = self.with_token(
                |token| {
                    self.http.check(
                        Doing::ListingChats,
                        |c| {
                            c.get(&list_url)
                                .query(&[("access_token", token), ("next_openid", &next)])
                        },
                        |r| super::answer(&r),
                    )
                },
                |json| Ok(answer::read(&json)),
            )?;
            let ids = page.data.map(|d| d.openid).unwrap_or_default();
            let done = ids.is_empty();
            openids.extend(ids);
            match page.next_openid.filter(|n| !n.is_empty() && *n != next) {
                Some(n) if !done => next = n,
                _ => break,
            }
        }
        let info_url = join(&self.base, "cgi-bin/user/info/batchget");
        let mut people: Vec<Listed> = Vec::new();
        for chunk in openids.chunks(BATCH) {
            let body = json!({
                "user_list": chunk.iter().map(|id| json!({"openid": id, "lang": "zh_CN"})).collect::<Vec<_>>(),
            });
            let infos: Infos = self.with_token(
                |token| {
                    self.http.check(
                        Doing::ListingChats,
                        |c| {
                            c.post(&info_url)
                                .query(&[("access_token", token)])
                                .json(&body)
                        },
                        |r| super::answer(&r),
                    )
                },
                |json| Ok(answer::read(&json)),
            )?;
            for info in infos.user_info_list {
                let Some(openid) = info.openid else { continue };
                if info.subscribe == Some(0) || people.iter().any(|p| p.id == openid) {
                    continue;
                }
                people.push(Listed {
                    id: openid,
                    name: info.remark.filter(|r| !r.trim().is_empty()),
                    last_heard_ms: None,
                });
            }
            seen(people.len());
        }
        Ok(Listing::People(people))
    }
}
