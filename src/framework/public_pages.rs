use actix_web::{web, HttpRequest, HttpResponse};

use super::views::FrameworkPage;
use crate::accounts::session::Visitor;
use crate::error::AppError;
use crate::paths;
use crate::practices::public_pages::filtered_view;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes.get(paths::FRAMEWORK, framework);
}

async fn framework(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    filtered_view(state, req, visitor, FrameworkPage::new).await
}
