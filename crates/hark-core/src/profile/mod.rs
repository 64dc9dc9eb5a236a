//! Account profiles: non-secret fields in the database (to come), secrets in the OS keychain.

pub mod keychain;

pub use keychain::{Keychain, KeychainError};
