//! `/metrics` in the Prometheus (OpenMetrics) text format, for whoever holds the configured
//! token (`--metrics-token`; without one the address does not exist): requests and their
//! time per route and status, the database pool, how far the search index lags behind the
//! catalogue, the outbox's queue and failures, and refused sign-ins. Counters live in the
//! process (each process of a portal is scraped on its own); what the database knows is read
//! when scraped.

use std::sync::{LazyLock, Mutex};
use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{web, HttpRequest, HttpResponse};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use sha2::{Digest, Sha256};

use crate::db;
use crate::error::AppError;
use crate::outbox;
use crate::paths;
use crate::practices::repository::catalog_version;
use crate::routes::{self, Routes};
use crate::AppState;

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Answered {
    route: String,
    method: String,
    status: u16,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Route {
    route: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Refusal {
    reason: &'static str,
}

type Timings = Family<Route, Histogram, fn() -> Histogram>;

struct Metrics {
    registry: Registry,
    requests: Family<Answered, Counter>,
    seconds: Timings,
    sign_in_refusals: Family<Refusal, Counter>,
    send_failures: Counter,
    /// Read when scraped; one scrape at a time sets them.
    observed: Mutex<Observed>,
}

#[derive(Default)]
struct Observed {
    pool_connections: Gauge,
    pool_idle: Gauge,
    index_lag: Gauge,
    index_building: Gauge,
    outbox_waiting: Gauge,
    outbox_failing: Gauge,
}

fn request_buckets() -> Histogram {
    // 0.5 ms to 4 s.
    Histogram::new(exponential_buckets(0.0005, 2.0, 14))
}

static METRICS: LazyLock<Metrics> = LazyLock::new(|| {
    let mut registry = Registry::with_prefix("portal");
    let requests = Family::<Answered, Counter>::default();
    registry.register(
        "http_requests",
        "Requests answered, by route, method and status",
        requests.clone(),
    );
    let seconds: Timings = Family::new_with_constructor(request_buckets);
    registry.register(
        "http_request_seconds",
        "Time from a request's arrival to its answer, by route",
        seconds.clone(),
    );
    let sign_in_refusals = Family::<Refusal, Counter>::default();
    registry.register(
        "sign_in_refusals",
        "Sign-ins refused: wrong credentials, or locked after too many failures",
        sign_in_refusals.clone(),
    );
    let send_failures = Counter::default();
    registry.register(
        "outbox_send_failures",
        "Attempts to hand a message to the SMTP server that failed",
        send_failures.clone(),
    );
    let observed = Observed::default();
    for (name, help, gauge) in [
        (
            "db_pool_connections",
            "Database connections open",
            &observed.pool_connections,
        ),
        (
            "db_pool_idle_connections",
            "Database connections open and idle",
            &observed.pool_idle,
        ),
        (
            "search_index_lag",
            "Catalogue changes the search index does not reflect yet",
            &observed.index_lag,
        ),
        (
            "search_index_building",
            "1 while the search index is being built",
            &observed.index_building,
        ),
        (
            "outbox_waiting",
            "Messages not sent yet",
            &observed.outbox_waiting,
        ),
        (
            "outbox_failing",
            "Messages not sent yet whose last attempt failed",
            &observed.outbox_failing,
        ),
    ] {
        registry.register(name, help, gauge.clone());
    }
    Metrics {
        registry,
        requests,
        seconds,
        sign_in_refusals,
        send_failures,
        observed: Mutex::new(observed),
    }
});

/// Counts every request by its route pattern (never its path, which holds ids and tokens).
pub async fn track(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let began = Instant::now();
    let route = routes::matched_route(&req);
    let method = req.method().to_string();
    let response = next.call(req).await?;
    METRICS
        .seconds
        .get_or_create(&Route {
            route: route.clone(),
        })
        .observe(began.elapsed().as_secs_f64());
    METRICS
        .requests
        .get_or_create(&Answered {
            route,
            method,
            status: response.status().as_u16(),
        })
        .inc();
    Ok(response)
}

/// A sign-in refused, and why: `"credentials"` or `"locked"`.
pub fn sign_in_refused(reason: &'static str) {
    METRICS
        .sign_in_refusals
        .get_or_create(&Refusal { reason })
        .inc();
}

/// A message the SMTP server did not take.
pub fn send_failed() {
    METRICS.send_failures.inc();
}

pub fn routes(routes: &mut Routes) {
    routes.get(paths::METRICS, metrics);
}

async fn metrics(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let Some(token) = &state.config.metrics_token else {
        return Err(AppError::NotFound);
    };
    let presented = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "));
    // Compared as digests, so that the time taken does not tell how much of it was right.
    let digest = |text: &str| Sha256::digest(text.as_bytes());
    if presented.map(digest) != Some(digest(token)) {
        return Ok(HttpResponse::Unauthorized()
            .insert_header((header::WWW_AUTHENTICATE, "Bearer"))
            .finish());
    }
    let pool = state.pool.state();
    let (version, waiting, failing) = db::run(&state.pool, |conn| {
        Ok((
            catalog_version(conn)?,
            outbox::waiting(conn)?,
            outbox::failing(conn)?,
        ))
    })
    .await?;
    let search = state.catalog.search();
    let mut body = String::new();
    {
        let observed = METRICS.observed.lock().expect("metrics lock");
        observed.pool_connections.set(pool.connections.into());
        observed.pool_idle.set(pool.idle_connections.into());
        observed.index_lag.set(
            search
                .version()
                .map_or(version, |indexed| version - indexed),
        );
        observed.index_building.set(search.is_building().into());
        observed.outbox_waiting.set(waiting);
        observed.outbox_failing.set(failing);
        prometheus_client::encoding::text::encode(&mut body, &METRICS.registry)
            .expect("writing to a string");
    }
    Ok(HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .body(body))
}
