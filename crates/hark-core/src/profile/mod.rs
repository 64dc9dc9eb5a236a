//! Account profiles: non-secret fields in the database, secrets in the OS keychain.

pub mod keychain;
pub mod model;
pub mod secret;
pub mod store;

pub use keychain::{Keychain, KeychainError};
pub use model::{NewProfile, Profile, ProfileView, SANDBOX_ID};
pub use secret::{Secret, Secrets};
pub use store::{ProfileError, Profiles};
