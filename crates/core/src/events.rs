//! The webhook event names each server generation accepts.

/// The 26 events Evolution API 1.8.2 accepts, in the order the server lists them in its
/// `is not one of enum values` message (and expands `"events": []` to).
pub const EVENTS_V1_8: [&str; 26] = [
    "APPLICATION_STARTUP",
    "QRCODE_UPDATED",
    "MESSAGES_SET",
    "MESSAGES_UPSERT",
    "MESSAGES_UPDATE",
    "MESSAGES_DELETE",
    "SEND_MESSAGE",
    "CONTACTS_SET",
    "CONTACTS_UPSERT",
    "CONTACTS_UPDATE",
    "PRESENCE_UPDATE",
    "CHATS_SET",
    "CHATS_UPSERT",
    "CHATS_UPDATE",
    "CHATS_DELETE",
    "GROUPS_UPSERT",
    "GROUP_UPDATE",
    "GROUP_PARTICIPANTS_UPDATE",
    "CONNECTION_UPDATE",
    "LABELS_EDIT",
    "LABELS_ASSOCIATION",
    "CALL",
    "NEW_JWT_TOKEN",
    "TYPEBOT_START",
    "TYPEBOT_CHANGE_STATUS",
    "CHAMA_AI_ACTION",
];

/// The 31 events Evolution API 2.3.6 knows, in its order (`"events": []` expands to this list).
pub const EVENTS_V2: [&str; 31] = [
    "APPLICATION_STARTUP",
    "QRCODE_UPDATED",
    "MESSAGES_SET",
    "MESSAGES_UPSERT",
    "MESSAGES_EDITED",
    "MESSAGES_UPDATE",
    "MESSAGES_DELETE",
    "SEND_MESSAGE",
    "SEND_MESSAGE_UPDATE",
    "CONTACTS_SET",
    "CONTACTS_UPSERT",
    "CONTACTS_UPDATE",
    "PRESENCE_UPDATE",
    "CHATS_SET",
    "CHATS_UPSERT",
    "CHATS_UPDATE",
    "CHATS_DELETE",
    "GROUPS_UPSERT",
    "GROUP_UPDATE",
    "GROUP_PARTICIPANTS_UPDATE",
    "CONNECTION_UPDATE",
    "LABELS_EDIT",
    "LABELS_ASSOCIATION",
    "CALL",
    "TYPEBOT_START",
    "TYPEBOT_CHANGE_STATUS",
    "REMOVE_INSTANCE",
    "LOGOUT_INSTANCE",
    "INSTANCE_CREATE",
    "INSTANCE_DELETE",
    "STATUS_INSTANCE",
];

/// Events only 1.x knows (no 2.x counterpart).
pub const ONLY_V1: [&str; 2] = ["NEW_JWT_TOKEN", "CHAMA_AI_ACTION"];

/// A one-line description of each event (both generations), for the events checklist.
pub fn describe(event: &str) -> &'static str {
    match event {
        "APPLICATION_STARTUP" => "The server started",
        "QRCODE_UPDATED" => "A new QR code to scan",
        "MESSAGES_SET" => "Initial message history loaded",
        "MESSAGES_UPSERT" => "A message received or sent",
        "MESSAGES_UPDATE" => "Message status changed (delivered, read…)",
        "MESSAGES_DELETE" => "A message deleted",
        "SEND_MESSAGE" => "A message sent through the API",
        "CONTACTS_SET" => "Initial contacts loaded",
        "CONTACTS_UPSERT" => "Contacts added or reloaded",
        "CONTACTS_UPDATE" => "A contact changed",
        "PRESENCE_UPDATE" => "Online / typing / recording",
        "CHATS_SET" => "Initial chats loaded",
        "CHATS_UPSERT" => "A chat created or reloaded",
        "CHATS_UPDATE" => "A chat changed",
        "CHATS_DELETE" => "A chat deleted",
        "GROUPS_UPSERT" => "A group created",
        "GROUP_UPDATE" => "Group details changed",
        "GROUP_PARTICIPANTS_UPDATE" => "Someone joined, left, was promoted…",
        "CONNECTION_UPDATE" => "WhatsApp connection state changed",
        "LABELS_EDIT" => "A label edited (1.7+)",
        "LABELS_ASSOCIATION" => "A label put on / taken off a chat (1.7+)",
        "CALL" => "An incoming call (1.4.3+)",
        "NEW_JWT_TOKEN" => "The instance's JWT was renewed",
        "TYPEBOT_START" => "A Typebot session started (1.5.1+)",
        "TYPEBOT_CHANGE_STATUS" => "A Typebot session changed status (1.5.1+)",
        "CHAMA_AI_ACTION" => "A Chama AI action (1.5.1+)",
        "MESSAGES_EDITED" => "A message edited (2.x)",
        "SEND_MESSAGE_UPDATE" => "A sent message's status changed (2.x)",
        "REMOVE_INSTANCE" => "An instance removed (2.x)",
        "LOGOUT_INSTANCE" => "An instance logged out (2.x)",
        "INSTANCE_CREATE" => "An instance created (2.x)",
        "INSTANCE_DELETE" => "An instance deleted (2.x)",
        "STATUS_INSTANCE" => "An instance's status changed (2.x)",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_event_is_described_once() {
        for e in super::EVENTS_V1_8.iter().chain(&super::EVENTS_V2) {
            assert!(!super::describe(e).is_empty(), "{e}");
        }
        let mut sorted = super::EVENTS_V1_8.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 26);
        let mut v2 = super::EVENTS_V2.to_vec();
        v2.sort_unstable();
        v2.dedup();
        assert_eq!(v2.len(), 31);
        let only_v1: Vec<_> = super::EVENTS_V1_8.iter().filter(|e| !super::EVENTS_V2.contains(e)).copied().collect();
        assert_eq!(only_v1, super::ONLY_V1);
    }
}
