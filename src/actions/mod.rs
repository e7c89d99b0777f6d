//! The page's async workflows, below the views and above the state and the API client: no `view!`
//! here, the views call them and own what they start.

pub mod create;
pub mod export;
pub mod migrate;
pub mod read_server;
pub mod texts;
