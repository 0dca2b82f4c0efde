// Every route of the web application, registered in one place.
#pragma once

#include <memory>

#include "app/runtime.hpp"
#include "assessments/service.hpp"
#include "cases/service.hpp"
#include "consent/service.hpp"
#include "contacts/service.hpp"
#include "dependants/service.hpp"
#include "exploitation/service.hpp"
#include "identity/account.hpp"
#include "identity/admin.hpp"
#include "identity/api_tokens.hpp"
#include "identity/sign_in.hpp"
#include "identity/web.hpp"
#include "nrm/service.hpp"
#include "plans/service.hpp"
#include "platform/http/metrics.hpp"
#include "platform/http/router.hpp"
#include "tasks/service.hpp"

namespace waymark::app {

// The services and router of one running web application. Not copyable: routes capture it.
struct WebApp {
  explicit WebApp(Runtime& runtime, std::shared_ptr<http::MetricsRegistry> metrics);
  WebApp(const WebApp&) = delete;
  WebApp& operator=(const WebApp&) = delete;

  Runtime& runtime;
  std::shared_ptr<http::MetricsRegistry> metrics;
  identity::SignInService sign_in;
  identity::AdminService admin;
  identity::AccountService account;
  identity::ApiTokenService api_tokens;
  cases::CaseService cases;
  consent::ConsentService consent;
  assessments::AssessmentService assessments;
  nrm::NrmService nrm;
  plans::PlanService plans;
  contacts::ContactService contacts;
  dependants::DependantService dependants;
  exploitation::ExploitationService exploitation;
  tasks::TaskService tasks;
  http::Router router;
  // Its handlers refer to it, so it lives as long as the router.
  std::unique_ptr<identity::WebRoutes> web;

  // The Content-Security-Policy: scripts from our own origin plus GOV.UK Frontend's one inline
  // snippet, by hash.
  static std::string ContentSecurityPolicy();
  http::Response Handle(http::Request& request) const;
};

}  // namespace waymark::app
