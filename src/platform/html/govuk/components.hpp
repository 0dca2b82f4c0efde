// All GOV.UK Frontend components and the page layout.
#pragma once

#include "platform/html/govuk/content.hpp"
#include "platform/html/govuk/forms.hpp"
#include "platform/html/govuk/navigation.hpp"
#include "platform/html/govuk/page.hpp"
