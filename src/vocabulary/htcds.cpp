#include "vocabulary/htcds.hpp"

#include <stdexcept>
#include <utility>

namespace waymark::vocabulary {
namespace {

// Transcribed from htcds-field-standards-2.0.csv: "Value Names" are the codes, "Value
// Labels" the labels, line by line.

// vic_TypeOfExploitation (Multiselect Picklist)
constexpr Term kTypeOfExploitationTerms[] = {
    {"ForcedLabour", "Forced labour"},
    {"SexualExploitation", "Sexual exploitation"},
    {"ChildLabour", "Child labour"},
    {"ForcedMarriage", "Forced marriage"},
    {"Servitude", "Servitude"},
    {"ForcedMilitaryByNonStateActors", "Forced military (by non-state actors)"},
    {"OrganRemoval", "Organ removal"},
    {"ForcedBegging", "Forced begging"},
    {"ForcedAdoption", "Forced adoption"},
    {"Surrogacy", "Surrogacy"},
    {"Other", "Other"},
};

// vic_ForcedLabourIndustry (Picklist)
constexpr Term kForcedLabourIndustryTerms[] = {
    {"A_AgricultureForestryAndFishing", "Agriculture, forestry and fishing"},
    {"B_MiningAndQuarrying", "Mining and quarrying"},
    {"C_Manufacturing", "Manufacturing"},
    {"D_ElectricityGasSteamAndAirConditioningSupply",
     "Electricity, gas, steam and air conditioning supply"},
    {"E_WaterSupplySewerageWasteManagement",
     "Water supply; sewerage, waste management and remediation"},
    {"F_Construction", "Construction"},
    {"G_WholesaleAndRetailTradeRepairOfMotorVehicles",
     "Wholesale and retail trade; repair of motor vehicles and motorcycles"},
    {"H_TransportationAndStorage", "Transportation and storage"},
    {"I_AccommodationAndFoodServiceActivities", "Accommodation and food service activities"},
    {"J_InformationAndCommunication", "Information and communication"},
    {"K_FinancialAndInsuranceActivities", "Financial and insurance activities"},
    {"L_RealEstateActivities", "Real estate activities"},
    {"M_ProfessionalScientificAndTechnicalActivities",
     "Professional, scientific and technical activities"},
    {"N_AdministrativeAndSupportServiceActivities",
     "Administrative and support service activities"},
    {"O_PublicAdministrationAndDefence",
     "Public administration and defence; compulsory social security"},
    {"P_Education", "Education"},
    {"Q_HumanHealthAndSocialWorkActivities", "Human health and social work activities"},
    {"R_ArtsEntertainmentAndRecreation", "Arts, entertainment and recreation"},
    {"S_OtherServiceActivities", "Other service activities"},
    {"T_ActivitiesOfHouseholdsAsEmployers",
     "Activities of households as employers; undifferentiated goods- and services- producing "
     "activities of households for own use"},
    {"U_ActivitiesOfExtraterritorialOrganizations",
     "Activities of extraterritorial organizations and bodies"},
};

// vic_MethodsOfControl (Multiselect Picklist)
constexpr Term kMethodsOfControlTerms[] = {
    {"PhysicalThreats", "Physical threats"},
    {"ThreatsLawEnforcement", "Threats of law enforcement"},
    {"ThreatensChildrenFamily", "Threatens children/family"},
    {"DebtBondage", "Debt bondage"},
    {"FalsePromises", "False promises"},
    {"PhysicalAbuse", "Physical abuse"},
    {"SexualAbuse", "Sexual abuse"},
    {"TakesEarnings", "Takes earnings"},
    {"RestrictsFinancialAccess", "Restricts financial access"},
    {"RestrictsMedicalCare", "Restricts medical care"},
    {"WithholdsNecessities", "Withholds necessities"},
    {"PsychologicalAbuse", "Psychological abuse"},
    {"PsychoactiveSubstance", "Psychoactive substance"},
    {"ExcessiveWorkingHours", "Excessive working hours"},
    {"WithholdsDocuments", "Withholds documents"},
    {"Other", "Other"},
};

// vic_MethodOfRecruitment (Multiselect Picklist)
constexpr Term kMethodOfRecruitmentTerms[] = {
    {"AtAPlaceOfBusiness", "At a place of business"},
    {"AtAnEducationalInstitution", "At an educational institution"},
    {"AtWork", "At work"},
    {"ThroughOnlineSocialNetworks", "Through online social networks"},
    {"ThroughAnOnlineAdvertisement", "Through an online advertisement"},
    {"ThroughATelevisionAdvert", "Through a television advert"},
    {"ThroughANewspaperAdvert", "Through a newspaper advert"},
    {"ThroughFamilyOrFamilyEvents", "Through family or family events"},
    {"ThroughFriendsOrSocialEvents", "Through friends or social events"},
    {"Other", "Other"},
};

// vic_RelationshipToTrafficker (Picklist)
constexpr Term kRelationshipToTraffickerTerms[] = {
    {"Familial", "Familial"},
    {"Acquainted", "Acquainted"},
    {"Unaquainted", "Unaquainted"},
};

// vic_TypeOfSexExploitation (Multiselect Picklist)
constexpr Term kTypeOfSexExploitationTerms[] = {
    {"Prostitution", "Prostitution"},
    {"Pornography", "Pornography"},
    {"RemoteInteractiveServices", "Remote Interactive Services"},
    {"PrivateSexualServices", "Private Sexual Services"},
};

// vic_Vulnerabilities (Multiselect Picklist)
constexpr Term kVulnerabilitiesTerms[] = {
    {"Addiction", "Addiction"},
    {"SocialGroup", "Social Group"},
    {"Discrimination", "Discrimination"},
    {"Poverty", "Poverty"},
    {"DisabilityAndPhysicalHealth", "Disability and physical health"},
    {"MentalHealth", "Mental health"},
    {"Migration", "Migration"},
    {"Homelessness", "Homelessness"},
    {"AbuseSocialMedia", "Abuse - social media"},
    {"AbusePhysical", "Abuse - physical"},
    {"Education", "Education"},
    {"WorkEnvironment", "Work environment"},
};

// prs_Gender (Picklist)
constexpr Term kGenderTerms[] = {
    {"Feminine", "Feminine"},
    {"Masculine", "Masculine"},
    {"TransgenderFeminine", "Transgender Feminine"},
    {"TransgenderMasculine", "Transgender Masculine"},
    {"NonConforming", "Non-Conforming"},
    {"NonSpecifiedUnknown", "Not Specified/Unknown"},
};

// cas_Status (Picklist)
constexpr Term kCaseStatusTerms[] = {
    {"Active", "Active"},
    {"FollowUp", "Follow Up"},
    {"Closed", "Closed"},
    {"ClosedReferred", "Closed Referred"},
};

struct VocabularyInfo {
  std::span<const Term> terms;
  std::string_view field_name;
  bool allows_several;
};

VocabularyInfo Info(Vocabulary vocabulary) {
  switch (vocabulary) {
    case Vocabulary::kTypeOfExploitation:
      return {kTypeOfExploitationTerms, "vic_TypeOfExploitation", true};
    case Vocabulary::kForcedLabourIndustry:
      return {kForcedLabourIndustryTerms, "vic_ForcedLabourIndustry", false};
    case Vocabulary::kMethodsOfControl:
      return {kMethodsOfControlTerms, "vic_MethodsOfControl", true};
    case Vocabulary::kMethodOfRecruitment:
      return {kMethodOfRecruitmentTerms, "vic_MethodOfRecruitment", true};
    case Vocabulary::kRelationshipToTrafficker:
      return {kRelationshipToTraffickerTerms, "vic_RelationshipToTrafficker", false};
    case Vocabulary::kTypeOfSexExploitation:
      return {kTypeOfSexExploitationTerms, "vic_TypeOfSexExploitation", true};
    case Vocabulary::kVulnerabilities:
      return {kVulnerabilitiesTerms, "vic_Vulnerabilities", true};
    case Vocabulary::kGender:
      return {kGenderTerms, "prs_Gender", false};
    case Vocabulary::kCaseStatus:
      return {kCaseStatusTerms, "cas_Status", false};
  }
  // Only a value cast from outside the enum gets here: a programming error.
  throw std::logic_error("unknown HTCDS vocabulary " +
                         std::to_string(static_cast<int>(vocabulary)));
}

}  // namespace

std::span<const Term> Terms(Vocabulary vocabulary) { return Info(vocabulary).terms; }

std::string_view FieldName(Vocabulary vocabulary) { return Info(vocabulary).field_name; }

bool AllowsSeveral(Vocabulary vocabulary) { return Info(vocabulary).allows_several; }

const Term* FindTerm(Vocabulary vocabulary, std::string_view code) {
  return FindTerm(Terms(vocabulary), code);
}

std::string_view TermLabel(Vocabulary vocabulary, std::string_view code) {
  return TermLabel(Terms(vocabulary), code);
}

std::vector<std::string_view> UnknownCodes(Vocabulary vocabulary,
                                           std::span<const std::string_view> codes) {
  return UnknownCodes(Terms(vocabulary), codes);
}

Result<std::vector<std::string_view>> CheckCodes(Vocabulary vocabulary,
                                                 std::span<const std::string_view> codes,
                                                 std::string field) {
  auto chosen = CheckCodes(Terms(vocabulary), codes, field);
  if (chosen && chosen->size() > 1 && !AllowsSeveral(vocabulary)) {
    return Fail(Problem::Invalid(std::move(field), "Select one option"));
  }
  return chosen;
}

}  // namespace waymark::vocabulary
