pub mod convert;
pub mod doctor;
pub mod inspect;
mod report;
