//! The linter's shared texts: syntax errors, the rules shared by both profiles (`lint/ctx.rs`,
//! `lint/rules.rs`), the 1.x rules (`lint/v1.rs`) and the fix-it titles they offer.

crate::catalog! {
    pub Lint {
        not_object: "The payload must be a JSON object { … }, not {0}.",
        profile_hint: "This payload is shaped for {0} but is checked as {1}: switch the profile (or migrate the payload) to match your server.",
    }
}
