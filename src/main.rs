use std::error::Error;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use tracing_subscriber::EnvFilter;

use portal::config::{Config, DEFAULT_BIND, DEFAULT_DATABASE};
use portal::{db, practices};

/// The good-practice portal: submissions, jury and the public practice database.
#[derive(Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Serving options when no subcommand is given.
    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal (the default).
    Serve(ServeArgs),
    /// Apply pending database migrations and exit.
    Migrate(DatabaseArgs),
    /// Fill an empty database with generated demo institutions and practices.
    SeedDemo {
        #[command(flatten)]
        database: DatabaseArgs,
        /// How many practices to generate (up to 100,000 for benchmarks).
        #[arg(long, default_value_t = portal::demo::DEMO_PRACTICES)]
        practices: usize,
    },
}

#[derive(Args, Clone)]
struct DatabaseArgs {
    /// The SQLite database file, created when missing.
    #[arg(long, env = "PORTAL_DATABASE", default_value = DEFAULT_DATABASE)]
    database: PathBuf,
}

#[derive(Args, Clone)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "PORTAL_BIND", default_value = DEFAULT_BIND)]
    bind: String,
    #[command(flatten)]
    database: DatabaseArgs,
    /// Do not load the demo data into a new, empty database.
    #[arg(long)]
    no_demo: bool,
    /// The address visitors use, for absolute links in feeds and sitemaps (default: the bind
    /// address over http).
    #[arg(long, env = "PORTAL_PUBLIC_URL")]
    public_url: Option<String>,
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let cli = Cli::parse();
    let outcome = match cli.command.unwrap_or(Command::Serve(cli.serve)) {
        Command::Serve(args) => serve(args),
        Command::Migrate(args) => migrate(&args),
        Command::SeedDemo {
            database,
            practices,
        } => seed_demo(&database, practices),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn serve(args: ServeArgs) -> Result<(), Box<dyn Error>> {
    let config = Config {
        public_url: args
            .public_url
            .unwrap_or_else(|| format!("http://{}", args.bind)),
        bind: args.bind,
        database: args.database.database,
        load_demo: !args.no_demo,
        ..Config::default()
    };
    let state = portal::prepare(&config)?;
    let listener = TcpListener::bind(&config.bind)
        .map_err(|e| format!("cannot listen on {}: {e}", config.bind))?;
    tracing::info!(
        database = %config.database.display(),
        "serving on http://{}",
        listener.local_addr()?
    );
    actix_web::rt::System::new().block_on(async { portal::serve(listener, state)?.await })?;
    Ok(())
}

fn migrate(args: &DatabaseArgs) -> Result<(), Box<dyn Error>> {
    let pool = db::connect(&args.database)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    println!("migrations applied to {}", args.database.display());
    Ok(())
}

fn seed_demo(args: &DatabaseArgs, practice_count: usize) -> Result<(), Box<dyn Error>> {
    let pool = db::connect(&args.database)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    if portal::organisations::repository::count(&mut conn)? > 0 {
        return Err(format!(
            "{} already holds data; seed a new database file",
            args.database.display()
        )
        .into());
    }
    let started = std::time::Instant::now();
    let report = practices::seed::load_demo(&mut conn, practice_count)?;
    println!(
        "loaded {} institutions and {} practices into {} in {:.1} s",
        report.organisations,
        report.practices,
        args.database.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
