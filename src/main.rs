fn main() {
    std::process::exit(diplomap::cli::main());
}
