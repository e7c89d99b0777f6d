//! Migrating the payload to the other server generation (1.x ⇄ 2.x): the migration's code is loaded
//! on first use ([`migrator`]), and the text it migrates is the one in the editor then.

use leptos::prelude::*;

use crate::state::Builder;

/// Migrates the text in the editor ([`Builder::migrate`]); if the code could not be loaded, the form
/// says so and the text is untouched.
pub async fn run(b: Builder) {
    match migrator().await {
        Ok(migrate) => b.migrate(migrate),
        Err(e) => {
            b.patch_error.try_set(Some(e.to_string()));
        }
    }
}

crate::lazy::part! {
    /// The 1.x ⇄ 2.x migration, as a function called on the text once loaded (so the text migrated
    /// is the one in the editor then, not when the button was clicked).
    migrator() -> evo_core::migrate::Migrate {
        evo_core::migrate::migrate as evo_core::migrate::Migrate
    }
}
