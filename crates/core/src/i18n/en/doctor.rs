//! The doctor's texts: explanations of answers and failures (`explain.rs`), response decoding
//! (`response.rs`), migration notes (`migrate.rs`) and the other domain texts shown to users.

crate::catalog! {
    pub Doctor {
        timeout: "No answer within {0} s.",
    }
}
