use crate::i18n::LintV2;

pub static PT_BR: LintV2 = LintV2 {
    webhook_shape: "No 2.x, webhook é um objeto {\"url\": …, \"events\": […]}: uma URL em texto faz o create falhar com 400 \"Cannot read properties of undefined (reading 'length')\".",
};
