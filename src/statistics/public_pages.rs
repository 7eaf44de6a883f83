use actix_web::{web, HttpRequest, HttpResponse};

use super::views::StatisticsPage;
use crate::accounts::session::Visitor;
use crate::error::AppError;
use crate::http::cached_page;
use crate::paths;
use crate::practices::facets::BrowseQuery;
use crate::practices::service::matching;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes.get(paths::STATISTICS, statistics);
}

async fn statistics(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    let query = BrowseQuery::parse(req.query_string());
    cached_page(&state, &req, &visitor, move |_, catalog, layout| {
        let result = matching(catalog, &query)?;
        Ok(StatisticsPage::new(layout, &query, catalog, &result))
    })
    .await
}
