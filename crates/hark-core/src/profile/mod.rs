//! Account profiles: non-secret fields in the database, secrets in the OS keychain.

pub mod keychain;
pub mod model;
pub mod session;
pub mod store;

pub use crate::secret::{Secret, Secrets};
pub use keychain::{Keychain, KeychainError};
pub use model::{AccountStatus, NewProfile, Profile, ProfileView, SANDBOX_ID};
pub use session::Session;
pub use store::{ProfileError, Profiles};
