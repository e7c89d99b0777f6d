//! Why a 2.3.6 create fails, and the answer the server gives for each reason
//! (`CONTRACT-v2.md` §6.3: the message is a string, a flat array or an array of arrays
//! depending on where the request failed).

use serde_json::json;

use crate::evolution::{error_reply, Reply};

/// What a database write refused: the stable last line of Prisma's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbProblem {
    Missing(&'static str),
    NotNull(&'static str),
    InvalidValue {
        arg: &'static str,
        expected: &'static str,
        provided: &'static str,
    },
    TooLong,
    /// The instance row was never saved (a name over 255 characters, a client-sent `status`).
    ForeignKey(&'static str),
}

/// Why a create failed, in the server's order of checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateError {
    /// 403; `"undefined"` when no name was sent and any instance exists.
    NameTaken(String),
    /// 500: a non-string `instanceName` reaches the guard's database query.
    NameNotString(DbProblem),
    Unauthorized,
    /// 400 with every violation, as `[[…]]`.
    Schema(Vec<String>),
    TokenRequired,
    InvalidIntegration,
    /// An event sink without an `events` array; the value is what JavaScript read (`undefined`/`null`).
    ReadingLength(&'static str),
    InvalidProxy,
    NumberRequired,
    /// A non-empty `wavoipToken`.
    Wavoip,
    ChatwootDisabled,
    ChatwootUrl,
    SignMsgRequired,
    ReopenRequired,
    PendingRequired,
    /// A database write failed inside the controller: `call` is the Prisma call.
    Db {
        call: &'static str,
        problem: DbProblem,
    },
}

/// Where the real server shows its source file and a code excerpt (different on every install).
const SOURCE_PLACEHOLDER: &str = "(evo-sandbox: no source excerpt)";

pub(crate) fn db_text(call: &str, problem: &DbProblem) -> String {
    let last = match problem {
        DbProblem::Missing(a) => format!("Argument `{a}` is missing."),
        DbProblem::NotNull(a) => format!("Argument `{a}` must not be null."),
        DbProblem::InvalidValue { arg, expected, provided } => {
            format!("Argument `{arg}`: Invalid value provided. Expected {expected}, provided {provided}.")
        }
        DbProblem::TooLong => {
            "The provided value for the column is too long for the column's type. Column: (not available)".into()
        }
        DbProblem::ForeignKey(c) => format!("Foreign key constraint violated on the constraint: `{c}`"),
    };
    format!("\nInvalid `{call}` invocation in\n{SOURCE_PLACEHOLDER}\n\n{last}")
}

impl CreateError {
    pub fn reply(&self) -> Reply {
        let flat = |m: &str| error_reply(400, json!([m]));
        match self {
            CreateError::NameTaken(n) => error_reply(403, json!([format!("This name \"{n}\" is already in use.")])),
            CreateError::NameNotString(p) => error_reply(
                500,
                json!([format!("PrismaClientValidationError: {}", db_text("prismaRepository.instance.findMany()", p))]),
            ),
            CreateError::Unauthorized => crate::evolution::unauthorized(),
            CreateError::Schema(m) => error_reply(400, json!([m])),
            CreateError::TokenRequired => flat("token is required"),
            CreateError::InvalidIntegration => flat("Invalid integration"),
            CreateError::ReadingLength(what) => flat(&format!("Cannot read properties of {what} (reading 'length')")),
            CreateError::InvalidProxy => flat("Invalid proxy"),
            CreateError::NumberRequired => flat("number is required"),
            CreateError::Wavoip => flat("Cannot read properties of undefined (reading 'ws')"),
            CreateError::ChatwootDisabled => flat("Chatwoot is not enabled"),
            CreateError::ChatwootUrl => flat("Invalid \"url\" property in chatwoot"),
            CreateError::SignMsgRequired => flat("signMsg is required"),
            CreateError::ReopenRequired => flat("reopenConversation is required"),
            CreateError::PendingRequired => flat("conversationPending is required"),
            CreateError::Db { call, problem } => flat(&db_text(call, problem)),
        }
    }
}
