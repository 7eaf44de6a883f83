use actix_web::{web, HttpRequest, HttpResponse};

use super::views::StatisticsPage;
use crate::accounts::session::Visitor;
use crate::error::AppError;
use crate::paths;
use crate::practices::public_pages::filtered_view;
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
    filtered_view(state, req, visitor, StatisticsPage::new).await
}
