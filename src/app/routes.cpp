#include "app/routes.hpp"

#include "api/assessments_api.hpp"
#include "api/case_team_api.hpp"
#include "api/cases_api.hpp"
#include "api/consents_api.hpp"
#include "api/contacts_api.hpp"
#include "api/dependants_api.hpp"
#include "api/nrm_api.hpp"
#include "api/plans_api.hpp"
#include "api/tasks_api.hpp"
#include "app/home_pages.hpp"
#include "assessments/codes.hpp"
#include "assessments/pages.hpp"
#include "cases/pages.hpp"
#include "consent/facts.hpp"
#include "consent/pages.hpp"
#include "consent/section.hpp"
#include "contacts/pages.hpp"
#include "dependants/pages.hpp"
#include "exploitation/pages.hpp"
#include "identity/account_pages.hpp"
#include "identity/admin_pages.hpp"
#include "identity/api_responses.hpp"
#include "identity/api_token_pages.hpp"
#include "identity/layout.hpp"
#include "identity/sign_in_pages.hpp"
#include "nrm/codes.hpp"
#include "nrm/pages.hpp"
#include "plans/pages.hpp"
#include "platform/assets/assets.hpp"
#include "platform/html/inline_script.hpp"
#include "platform/http/security_headers.hpp"
#include "tasks/pages.hpp"

namespace waymark::app {

namespace {

void AddOperationalRoutes(WebApp& app) {
  auto add = [&app](std::string pattern, http::Handler handler) {
    app.router.Add(http::Route{"GET", std::move(pattern),
                               std::string(identity::Code(identity::Action::kPublic)),
                               http::RouteKind::kPublic, std::nullopt, std::move(handler)});
  };
  add("/healthz", [](http::Request&) { return http::Response::Text("ok\n"); });
  add("/readyz", [&app](http::Request&) {
    if (app.runtime.db->Ping()) return http::Response::Text("ready\n");
    return http::Response::Text("database unreachable\n", 503);
  });
  add("/metrics", [&app](http::Request&) {
    http::Response response = http::Response::Text(app.metrics->RenderPrometheus());
    response.headers.Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    return response;
  });
  add("/assets/{file:path}", [](http::Request& req) {
    const assets::Asset* asset = assets::FindAsset(req.Capture("file"));
    if (!asset) return http::DefaultErrorPage(404, "");
    http::Response response;
    response.body = std::string(asset->bytes);
    response.headers.Set("Content-Type", std::string(asset->content_type));
    response.long_lived_cache = true;
    return response;
  });
}

// The case list's NRM stage and risk filters: the codes nrm and assessments store on the case.
cases::ListFilterChoices CaseListChoices() {
  cases::ListFilterChoices out;
  for (nrm::PathwayState state : nrm::AllPathwayStates()) {
    std::string code(nrm::Code(state));
    out.nrm_stages.push_back({code, code, std::string(nrm::ShortLabel(state))});
  }
  auto risks = assessments::AllOverallRisks();
  for (auto risk = risks.rbegin(); risk != risks.rend(); ++risk) {  // high first
    std::string code(assessments::Code(*risk));
    out.risk_levels.push_back({code, code, std::string(assessments::Label(*risk))});
  }
  out.risk_levels.push_back({"not_assessed", "", "Not assessed"});
  return out;
}

void RegisterDatabaseGauges(WebApp& app) {
  db::Database* db = app.runtime.db.get();
  app.metrics->RegisterGauge("waymark_db_connections_in_use", "Database connections in use",
                             [db] { return static_cast<double>(db->Stats().in_use); });
  app.metrics->RegisterGauge("waymark_db_connections_max", "Database connections allowed",
                             [db] { return static_cast<double>(db->Stats().max_connections); });
  app.metrics->RegisterGauge("waymark_db_connection_waits",
                             "Transactions that waited for a connection",
                             [db] { return static_cast<double>(db->Stats().waits); });
}

}  // namespace

WebApp::WebApp(Runtime& runtime_in, std::shared_ptr<http::MetricsRegistry> metrics_in)
    : runtime(runtime_in),
      metrics(std::move(metrics_in)),
      sign_in(runtime.deps()),
      admin(runtime.deps()),
      account(runtime.deps()),
      api_tokens(runtime.deps()),
      cases(runtime.deps()),
      consent(runtime.deps()),
      assessments(runtime.deps()),
      nrm(runtime.deps(),
          [](db::Tx& tx, const crypto::DataKey& key, std::string_view case_id, Date today) {
            consent::ConsentFacts facts = consent::ConsentFactsFor(tx, key, case_id, today);
            return nrm::NrmConsent{facts.nrm_referral, facts.identifying_details};
          }),
      plans(runtime.deps()),
      contacts(runtime.deps()),
      dependants(runtime.deps()),
      exploitation(runtime.deps()),
      tasks(runtime.deps()) {
  identity::WebSettings settings;
  settings.secure_cookies = runtime.config.public_url.starts_with("https://");
  settings.public_origin = runtime.config.public_url;
  settings.limits = runtime.deps().limits;
  auto forbidden = [](identity::PageContext& ctx) {
    return identity::RenderPage(ctx,
                                {"You do not have permission to see this page",
                                 identity::Heading("You do not have permission to see this page"),
                                 {},
                                 "",
                                 403});
  };
  web = std::make_unique<identity::WebRoutes>(router, sign_in, *runtime.db, *runtime.audit,
                                              settings, forbidden);
  AddOperationalRoutes(*this);
  RegisterDatabaseGauges(*this);
  AddHomePages(*web, cases);
  identity::AddSignInPages(*web, sign_in, admin);
  identity::AddAdminPages(*web, admin);
  identity::AddAccountPages(*web, account);
  cases::AddCasePages(*web, cases, CaseListChoices());
  // Each feature inside a case: its pages, and its section of the case overview, in the order
  // the overview lists them.
  cases.AddSection(exploitation::SummariseExploitation);
  exploitation::AddExploitationPages(*web, exploitation);
  cases.AddSection(dependants::SummariseDependants);
  dependants::AddDependantPages(*web, dependants);
  cases.AddSection(consent::ConsentSection);
  consent::AddConsentPages(*web, consent);
  cases.AddSection(nrm.Section());
  nrm::AddNrmPages(*web, nrm);
  cases.AddSection(assessments::NeedsSection());
  cases.AddSection(assessments::RiskSection());
  assessments::AddAssessmentPages(*web, assessments);
  plans::AddPlanSection(cases);
  plans::AddPlanPages(*web, plans);
  cases.AddSection(contacts::ContactsSection);
  contacts::AddContactPages(*web, contacts);
  tasks::AddTaskPages(*web, tasks, cases);
  cases.AddSection(tasks::TasksSection);  // last: what is due across the sections above
  // The JSON API, for bearer tokens issued on the account pages.
  identity::AddApiTokenPages(*web, api_tokens);
  web->EnableApi(api_tokens);
  api::AddCasesApi(*web, cases, CaseListChoices());
  api::AddCaseTeamApi(*web, cases);
  api::AddContactsApi(*web, contacts);
  api::AddConsentsApi(*web, consent);
  api::AddNrmApi(*web, nrm);
  api::AddAssessmentsApi(*web, assessments);
  api::AddPlansApi(*web, plans);
  api::AddDependantsApi(*web, dependants);
  api::AddTasksApi(*web, tasks);
}

std::string WebApp::ContentSecurityPolicy() {
  std::string hashes;
  for (const auto& hash : html::InlineScriptCspHashes()) hashes += " " + hash;
  std::string csp(http::kDefaultCsp);
  std::string script_src = "script-src 'self'";
  csp.replace(csp.find(script_src), script_src.size(), script_src + hashes);
  return csp;
}

http::Response WebApp::Handle(http::Request& request) const {
  // API clients read problem+json, not a page, even for an address that does not exist.
  if (request.path.starts_with("/api/")) {
    return http::Dispatch(router, request, {}, [](int status, std::string_view incident_id) {
      std::string detail =
          status == 404   ? "There is no such address in the API: see docs/openapi.yaml"
          : status == 405 ? "This address does not accept that method: see the Allow header"
                          : std::string(http::StatusText(status)) + " " + std::string(incident_id);
      return identity::ProblemJson(status, detail);
    });
  }
  return http::Dispatch(router, request, {}, [](int status, std::string_view incident_id) {
    if (status != 404 && status != 405) return http::DefaultErrorPage(status, incident_id);
    std::string title = status == 404 ? "Page not found" : "This address does not accept that";
    std::string text = status == 404
                           ? "If you typed the address, check it is correct. If you followed a "
                             "link, it may be out of date."
                           : "The page was asked for in a way it does not accept. Go back and try "
                             "again.";
    return identity::RenderAnonymousPage(
        {title,
         html::Fragment({identity::Heading(title), identity::Paragraph(text),
                         html::El("p")
                             .Class("govuk-body")
                             .Add(html::El("a")
                                      .Class("govuk-link")
                                      .Attr("href", "/")
                                      .AddText("Go to the Waymark home page"))}),
         {},
         "",
         status});
  });
}

}  // namespace waymark::app
