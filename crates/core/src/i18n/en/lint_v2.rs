//! The 2.x rules' texts (`lint/v2/*.rs`) and their fix-it titles.

crate::catalog! {
    pub LintV2 {
        webhook_shape: "In 2.x webhook is an object {\"url\": …, \"events\": […]}: a URL string makes create fail with 400 \"Cannot read properties of undefined (reading 'length')\".",
    }
}
