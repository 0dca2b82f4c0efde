#include "plans/sfjbms05.hpp"

#include <array>

namespace waymark::plans {

namespace {

constexpr std::array<StandardPoint, kSfjbms05PointCount> kPoints{{
    {1, "Actions taken so far",
     "Gather information on actions taken so far, from own and other organisations",
     "What has already been done for this person, by your organisation and by others (the "
     "first responder, police, health, other services)? Say where the information came from."},
    {2, "Reports and assessments reviewed", "Review completed reports and needs assessments",
     "Which completed reports and needs assessments have you reviewed for this plan, and what "
     "did they tell you?"},
    {3, "Immediate needs met", "Confirm that identified immediate needs have been met",
     "Which immediate needs have been met, and how did you confirm it?"},
    {4, "Outstanding needs", "Meet outstanding immediate needs",
     "Which immediate needs are still outstanding, and what is being done to meet them?"},
    {5, "Information on rights",
     "Give information on rights in a language and format the person accepts",
     "What information on their rights did the person receive, and did they understand it? "
     "Record the language and format they accepted it in."},
    {6, "Modern slavery explained",
     "Explain modern slavery and control mechanisms in understandable language, without "
     "leading a potential witness",
     "How did you explain modern slavery and the ways exploiters control people? Use plain "
     "words and do not lead: the person may be a witness."},
    {7, "Their own account", "Let the person tell their own account",
     "Where is the person's own account recorded? Record it once and do not ask them to "
     "repeat it."},
    {8, "Free of judgement", "Keep discussions free of judgement, discrimination and oppression",
     "How did you keep your discussions free of judgement, discrimination and oppression?"},
    {9, "Ongoing risks of harm", "Identify ongoing risks of harm",
     "What ongoing risks of harm have you identified? Refer to the current risk assessment."},
    {10, "Risks understood", "Confirm the person understands the risks of harm",
     "How did you confirm that the person understands these risks?"},
    {11, "Place of safety", "Source places of safety that meet immediate and ongoing needs",
     "What place of safety has been found, and how does it meet the person's immediate and "
     "ongoing needs?"},
    {12, "Other services", "Identify other services that contribute to the plan",
     "Which other services contribute to this plan, and what will each do?"},
    {13, "Cultural needs", "Respond to cultural differences and needs",
     "How does the plan respond to the person's culture, faith, language and other needs?"},
    {14, "Plan agreed with the person",
     "Prepare and agree a victim-centred support and safety plan with the person",
     "How did the person take part in preparing this plan, and what did they choose?"},
    {15, "Access to services", "Facilitate access to the identified services",
     "How will you help the person reach the services in this plan (appointments, travel, "
     "interpreters)?"},
    {16, "Confidentiality", "Respect confidentiality rights and requirements",
     "What did you tell the person about who will see their information, and how is their "
     "confidentiality protected?"},
    {17, "Partnership working", "Work in partnership with other organisations",
     "Which organisations are you working with on this plan, and how?"},
    {18, "Information shared",
     "Share information with agencies where there is a statutory or other requirement, "
     "following procedure",
     "What information has been shared, with which agencies, and on what legal basis or "
     "consent?"},
    {19, "Ongoing support", "Provide ongoing support",
     "What ongoing support will the person receive, and how often?"},
    {20, "Records kept", "Keep complete and accurate records of support plans",
     "How will the records of this plan be kept complete and accurate: who updates them, and "
     "when?"},
}};

}  // namespace

std::span<const StandardPoint> Sfjbms05Points() { return kPoints; }

std::optional<StandardPoint> Sfjbms05Point(int number) {
  if (number < 1 || number > kSfjbms05PointCount) return std::nullopt;
  return kPoints[static_cast<size_t>(number - 1)];
}

}  // namespace waymark::plans
