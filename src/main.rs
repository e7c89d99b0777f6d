fn main() {
    evo_admin::mount();
}
