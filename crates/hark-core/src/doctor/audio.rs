use super::check::Check;
use crate::audio::{InputInventory, devices};
use crate::i18n::Words;

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
            let ready = Words::new("doctor-audio-ready")
                .text("device", device.name.clone())
                .number("rate", format.sample_rate)
                .number("channels", format.channels)
                .text("host", host)
                .number("count", count as f64);
            Check::ok(ID, TITLE, ready)
        }
        Err(err) => Check::problem(ID, TITLE, &err),
    };
    (check, inventory)
}
