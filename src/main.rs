use std::error::Error;
use std::io::Write;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::parser::ValueSource;
use clap::{Args, CommandFactory, Parser, Subcommand};

use portal::accounts::service as accounts;
use portal::config::{Config, DEFAULT_BIND, DEFAULT_DATABASE};
use portal::db::Database;
use portal::forms::FormError;
use portal::logs::LogFormat;
use portal::outbox::sender::SmtpSettings;
use portal::progress::Progress;
use portal::{db, demo};

/// The good-practice portal: submissions, jury and the public practice database.
#[derive(Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Serving options when no subcommand is given.
    #[command(flatten)]
    serve: ServeArgs,
    /// How log lines are written: text for people, json (one object a line) for collectors.
    #[arg(
        long,
        env = "PORTAL_LOG_FORMAT",
        value_enum,
        default_value_t,
        global = true
    )]
    log_format: LogFormat,
    /// A settings file (TOML): one `key = value` a line, the keys named as the environment
    /// variables without PORTAL_, in lower case (bind, database, smtp_url, …). The command line
    /// and the environment come first. `portal config check` shows what applies.
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Settings: `config check` prints the settings that apply, where each comes from
    /// (command line, environment, settings file or default), secrets masked.
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
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
    /// Create the first secretariat account (or make an existing account secretariat and
    /// give it this password).
    CreateAdmin {
        #[command(flatten)]
        database: DatabaseArgs,
        /// The account's e-mail address, which is also its sign-in name.
        #[arg(long)]
        email: String,
        /// The account's password, at least 10 characters (better from the environment than on
        /// the command line, where other users of the machine can read it).
        #[arg(long, env = "PORTAL_ADMIN_PASSWORD")]
        password: String,
        /// The name shown for the account.
        #[arg(long, default_value = "Secretariat")]
        name: String,
    },
    /// Build the search index anew from the database (with the portal stopped: a serving
    /// portal keeps its own index up to date, and rebuilds a deleted one by itself).
    Reindex {
        #[command(flatten)]
        database: DatabaseArgs,
        #[command(flatten)]
        index: SearchIndexArgs,
    },
    /// Give the institutions that name their country `name` its ISO 3166-1 code: what the
    /// portal asks for when it finds a country name it could not convert.
    SetCountry {
        #[command(flatten)]
        database: DatabaseArgs,
        /// The country as the institutions name it, exactly.
        #[arg(long)]
        name: String,
        /// Its two-letter code, e.g. `CA`.
        #[arg(long)]
        code: String,
    },
    /// Copy the database consistently, documents included, even while the portal serves it.
    Backup {
        #[command(flatten)]
        database: DatabaseArgs,
        /// The new file to write; an existing file is never overwritten.
        #[arg(long)]
        to: PathBuf,
    },
    /// Copy an SQLite portal into an empty PostgreSQL database: every table and document,
    /// ids kept, in one transaction.
    CopyDatabase {
        /// The SQLite portal's database file.
        #[arg(long)]
        from: PathBuf,
        /// The PostgreSQL database, postgres://user:password@host/database (empty).
        #[arg(long)]
        to: Database,
        /// The SQLite portal's uploads folder from before documents moved into the database,
        /// if it still has one (default: uploads/ beside the file).
        #[arg(long)]
        uploads: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ConfigAction {
    /// Print the settings that apply, with secrets masked.
    Check,
}

#[derive(Args, Clone)]
struct DatabaseArgs {
    /// The SQLite database file, created when missing, or a PostgreSQL server's
    /// postgres://user:password@host/database URL.
    #[arg(long, env = "PORTAL_DATABASE", default_value = DEFAULT_DATABASE)]
    database: Database,
}

#[derive(Args, Clone)]
struct SearchIndexArgs {
    /// The search index's folder (default: the SQLite file's name plus .search, or
    /// search-index/ in the data folder given by --data-dir or with PostgreSQL).
    #[arg(long, env = "PORTAL_SEARCH_INDEX")]
    search_index: Option<PathBuf>,
    /// The folder for the session key and, by default, the search index
    /// (default: the SQLite file's folder, or data/ with PostgreSQL).
    #[arg(long, env = "PORTAL_DATA_DIR")]
    data_dir: Option<PathBuf>,
}

#[derive(Args, Clone)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "PORTAL_BIND", default_value = DEFAULT_BIND)]
    bind: String,
    #[command(flatten)]
    database: DatabaseArgs,
    #[command(flatten)]
    index: SearchIndexArgs,
    /// Do not load the demo data into a new, empty database.
    #[arg(long)]
    no_demo: bool,
    /// The address people reach the portal at, for links in e-mails, feeds and
    /// sitemaps (default: the bind
    /// address over http).
    #[arg(long, env = "PORTAL_PUBLIC_URL")]
    public_url: Option<String>,
    /// Mark the session cookie Secure: set this when the portal is reached over HTTPS.
    #[arg(long, env = "PORTAL_SECURE_COOKIES")]
    secure_cookies: bool,
    /// The folder documents were kept in before they moved into the database; any still
    /// there are taken in at start (default: uploads/ in the data folder).
    #[arg(long, env = "PORTAL_UPLOADS")]
    uploads: Option<PathBuf>,
    /// A certificate (PEM) to trust for the SMTP server's TLS besides the usual roots, for a
    /// server with a certificate of the organisation's own.
    #[arg(long, env = "PORTAL_SMTP_TRUST", requires = "smtp_url")]
    smtp_trust: Option<PathBuf>,
    /// Serve Prometheus metrics at /metrics to requests with `Authorization: Bearer <TOKEN>`
    /// (better from the environment than on the command line).
    #[arg(long, env = "PORTAL_METRICS_TOKEN")]
    metrics_token: Option<String>,
    /// Send e-mail through this SMTP server, e.g. smtps://user:pass@mail.example.org:465;
    /// without it messages wait at /admin/outbox.
    #[arg(long, env = "PORTAL_SMTP_URL", requires = "mail_from")]
    smtp_url: Option<String>,
    /// The sender address of e-mail, e.g. "Good Practice Portal <awards@example.org>".
    #[arg(long, env = "PORTAL_MAIL_FROM")]
    mail_from: Option<String>,
}

fn main() -> ExitCode {
    let from_file = match settings_file()
        .map(|path| portal::config::apply_settings_file(&path, &Cli::command()))
    {
        Some(Err(message)) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
        Some(Ok(set)) => set,
        None => Vec::new(),
    };
    let cli = Cli::parse();
    portal::logs::init(cli.log_format);
    let outcome = match cli.command.unwrap_or(Command::Serve(cli.serve)) {
        Command::Config {
            action: ConfigAction::Check,
        } => check_config(&from_file),
        Command::Serve(args) => serve(args),
        Command::Migrate(args) => migrate(&args),
        Command::SeedDemo {
            database,
            practices,
        } => seed_demo(&database, practices),
        Command::CreateAdmin {
            database,
            email,
            password,
            name,
        } => create_admin(&database, &email, &password, &name),
        Command::Reindex { database, index } => reindex(database, index),
        Command::SetCountry {
            database,
            name,
            code,
        } => set_country(&database, &name, &code),
        Command::Backup { database, to } => backup(database, &to),
        Command::CopyDatabase { from, to, uploads } => copy_database(from, &to, uploads),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The settings file named by `--config FILE` (or `--config=FILE`), read before the rest of
/// the command line since its values are defaults for it.
fn settings_file() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--config" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = arg.to_str().and_then(|arg| arg.strip_prefix("--config=")) {
            return Some(PathBuf::from(path));
        }
    }
    None
}

/// Prints every setting of `serve` and the global ones as they apply now, and where each
/// comes from; secrets masked.
fn check_config(from_file: &[String]) -> Result<(), Box<dyn Error>> {
    // Without a subcommand the portal serves: the top level holds every serving option.
    let command = Cli::command();
    let matches = command.clone().try_get_matches_from(["portal"])?;
    let mut out = std::io::stdout().lock();
    for arg in command.get_arguments() {
        let Some((variable, key)) = arg
            .get_env()
            .and_then(|variable| variable.to_str())
            .and_then(|variable| Some((variable, portal::config::setting_key(variable)?)))
        else {
            continue;
        };
        let id = arg.get_id().as_str();
        let value: Vec<String> = matches
            .get_raw(id)
            .into_iter()
            .flatten()
            .map(|value| value.to_string_lossy().into_owned())
            .collect();
        let value = value.join(" ");
        let source = match matches.value_source(id) {
            Some(ValueSource::EnvVariable) if from_file.iter().any(|set| set == variable) => {
                "settings file"
            }
            Some(ValueSource::EnvVariable) => "environment",
            Some(ValueSource::CommandLine) => "command line",
            Some(ValueSource::DefaultValue) => "default",
            _ => "not set",
        };
        let shown = if value.is_empty() {
            String::new()
        } else if key.contains("token") || key.contains("password") {
            "***".to_owned()
        } else if key == "database" || key == "smtp_url" {
            portal::secrets::without_password(&value)
        } else {
            value
        };
        writeln!(out, "{key} = {shown:?}  # {source}")?;
    }
    Ok(())
}

fn serve(args: ServeArgs) -> Result<(), Box<dyn Error>> {
    let config = Config {
        public_url: args
            .public_url
            .unwrap_or_else(|| format!("http://{}", args.bind)),
        bind: args.bind,
        database: args.database.database,
        data: args.index.data_dir,
        load_demo: !args.no_demo,
        secure_cookies: args.secure_cookies,
        uploads: args.uploads,
        search_index: args.index.search_index,
        metrics_token: args.metrics_token,
        smtp: args
            .smtp_url
            .zip(args.mail_from)
            .map(|(url, from)| SmtpSettings {
                url,
                from,
                poll: portal::outbox::sender::DEFAULT_POLL,
                trusted_certificate: args.smtp_trust,
            }),
        ..Config::default()
    };
    let state = portal::prepare(&config)?;
    let listener = TcpListener::bind(&config.bind)
        .map_err(|e| format!("cannot listen on {}: {e}", config.bind))?;
    tracing::info!(
        database = %config.database,
        "serving on http://{}",
        listener.local_addr()?
    );
    let background = Arc::clone(&state.background);
    actix_web::rt::System::new().block_on(async { portal::serve(listener, state)?.await })?;
    background.stop();
    tracing::info!("stopped");
    Ok(())
}

fn migrate(args: &DatabaseArgs) -> Result<(), Box<dyn Error>> {
    let pool = db::connect(&args.database)?;
    let mut conn = pool.get()?;
    let started = std::time::Instant::now();
    let progress = Progress::shown("migrations");
    let applied = db::migrate_showing(&mut conn, &progress)?;
    progress.finish();
    portal::organisations::require_country_codes(&mut conn)?;
    println!(
        "{applied} migrations applied to {} in {:.1} s",
        args.database,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn set_country(args: &DatabaseArgs, name: &str, code: &str) -> Result<(), Box<dyn Error>> {
    let code = code.trim().to_uppercase();
    if !portal::languages::countries::is_code(&code) {
        return Err(format!("{code} is not an ISO 3166-1 alpha-2 country code").into());
    }
    let pool = db::connect(&args.database)?;
    let changed = portal::organisations::repository::set_country(&mut *pool.get()?, name, &code)?;
    println!(
        "{changed} institutions now in {code} ({})",
        portal::languages::Lang::En.country(&code)
    );
    Ok(())
}

fn seed_demo(args: &DatabaseArgs, practice_count: usize) -> Result<(), Box<dyn Error>> {
    let pool = db::connect(&args.database)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    if portal::organisations::repository::count(&mut conn)? > 0 {
        return Err(format!(
            "{} already holds data; seed a new database file",
            args.database
        )
        .into());
    }
    let started = std::time::Instant::now();
    // No portal serves this file yet: its e-mails link to where `serve` listens by default.
    let progress = Progress::shown("practices");
    let report = demo::load(
        &mut conn,
        practice_count,
        &Config::default().public_url,
        &progress,
    )?;
    progress.finish();
    println!(
        "loaded {} institutions and {} practices into {} in {:.1} s",
        report.practices.organisations,
        report.practices.practices,
        args.database,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn reindex(database: DatabaseArgs, index: SearchIndexArgs) -> Result<(), Box<dyn Error>> {
    let config = Config {
        database: database.database,
        search_index: index.search_index,
        data: index.data_dir,
        ..Config::default()
    };
    let pool = db::connect(&config.database)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    let dir = config.search_index_dir();
    let started = std::time::Instant::now();
    let version = portal::practices::repository::catalog_version(&mut conn)?;
    let progress = Progress::shown("practices indexed");
    let indexed =
        portal::practices::search::SearchIndex::rebuild(&dir, &mut conn, version, &progress)?;
    progress.finish();
    println!(
        "{indexed} practices indexed into {} in {:.1} s",
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn backup(args: DatabaseArgs, to: &std::path::Path) -> Result<(), Box<dyn Error>> {
    let Database::File(database) = &args.database else {
        return Err("backup copies an SQLite portal; back up PostgreSQL with pg_dump".into());
    };
    let started = std::time::Instant::now();
    portal::backup::backup(database, to)?;
    println!(
        "{} copied to {} in {:.1} s",
        args.database,
        to.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn copy_database(
    from: PathBuf,
    to: &Database,
    uploads: Option<PathBuf>,
) -> Result<(), Box<dyn Error>> {
    let source = Config {
        database: Database::File(from.clone()),
        uploads,
        ..Config::default()
    };
    let started = std::time::Instant::now();
    let progress = Progress::shown("rows copied");
    let copied = portal::copy_database::copy_database(&from, &source.uploads_dir(), to, &progress)?;
    progress.finish();
    println!(
        "{} rows in {} tables copied from {} to {to} in {:.1} s",
        copied.rows,
        copied.tables,
        from.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn create_admin(
    args: &DatabaseArgs,
    email: &str,
    password: &str,
    name: &str,
) -> Result<(), Box<dyn Error>> {
    let pool = db::connect(&args.database)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    match accounts::create_admin(&mut conn, email, name, password) {
        Ok(_) => {
            println!("{email} is a secretariat account of {}", args.database);
            Ok(())
        }
        Err(FormError::Invalid(errors)) => Err(errors
            .iter()
            .map(|error| {
                format!(
                    "{}: {}",
                    error.field,
                    portal::languages::Lang::En.message(&error.message)
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
            .into()),
        Err(FormError::App(error)) => Err(error.into()),
    }
}
