use super::check::Check;
use crate::audio::{InputInventory, devices};

const ID: &str = "audio";
const TITLE: &str = "Microphone";

pub(super) fn check() -> (Check, Option<InputInventory>) {
    let inventory = devices::list_inputs().ok();
    let check = match devices::default_input() {
        Ok((device, format)) => {
            let host = inventory
                .as_ref()
                .map_or("the default", |i| i.host.as_str());
            let count = inventory.as_ref().map_or(0, |i| i.devices.len());
            Check::ok(
                ID,
                TITLE,
                format!(
                    "Ready: \"{}\" records at {} Hz, {} channel{} through {host} \
                     ({count} input device{} found).",
                    device.name,
                    format.sample_rate,
                    format.channels,
                    plural(format.channels.into()),
                    plural(count),
                ),
            )
        }
        Err(err) => Check::problem(ID, TITLE, &err),
    };
    (check, inventory)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
