package validate

// Code identifies what a finding is about. Codes are stable: Access
// Analyzer's issue codes where it has the check, Vigil's own otherwise.
type Code string

// Access Analyzer errors: the policy, or part of it, does not work.
const (
	ARNAccountNotAllowed           Code = "ARN_ACCOUNT_NOT_ALLOWED"
	ARNRegionNotAllowed            Code = "ARN_REGION_NOT_ALLOWED"
	DataTypeMismatch               Code = "DATA_TYPE_MISMATCH"
	DuplicateKeysWithDifferentCase Code = "DUPLICATE_KEYS_WITH_DIFFERENT_CASE"
	EmptyVariable                  Code = "EMPTY_VARIABLE"
	InvalidAction                  Code = "INVALID_ACTION"
	InvalidARNAccount              Code = "INVALID_ARN_ACCOUNT"
	InvalidARNPrefix               Code = "INVALID_ARN_PREFIX"
	InvalidARNRegion               Code = "INVALID_ARN_REGION"
	InvalidARNResource             Code = "INVALID_ARN_RESOURCE"
	InvalidARNServiceCase          Code = "INVALID_ARN_SERVICE_CASE"
	InvalidConditionKeyFormat      Code = "INVALID_CONDITION_KEY_FORMAT"
	InvalidConditionMultipleBool   Code = "INVALID_CONDITION_MULTIPLE_BOOLEAN"
	InvalidConditionOperator       Code = "INVALID_CONDITION_OPERATOR"
	InvalidEffect                  Code = "INVALID_EFFECT"
	InvalidGlobalConditionKey      Code = "INVALID_GLOBAL_CONDITION_KEY"
	InvalidPartition               Code = "INVALID_PARTITION"
	InvalidPolicyElement           Code = "INVALID_POLICY_ELEMENT"
	InvalidPrincipalFormat         Code = "INVALID_PRINCIPAL_FORMAT"
	InvalidPrincipalKey            Code = "INVALID_PRINCIPAL_KEY"
	InvalidService                 Code = "INVALID_SERVICE"
	InvalidServiceConditionKey     Code = "INVALID_SERVICE_CONDITION_KEY"
	InvalidServiceInAction         Code = "INVALID_SERVICE_IN_ACTION"
	InvalidVariableForOperator     Code = "INVALID_VARIABLE_FOR_OPERATOR"
	InvalidVersion                 Code = "INVALID_VERSION"
	JSONSyntaxError                Code = "JSON_SYNTAX_ERROR"
	MissingAction                  Code = "MISSING_ACTION"
	MissingARNField                Code = "MISSING_ARN_FIELD"
	MissingARNRegion               Code = "MISSING_ARN_REGION"
	MissingBraceInVariable         Code = "MISSING_BRACE_IN_VARIABLE"
	MissingEffect                  Code = "MISSING_EFFECT"
	MissingPrincipal               Code = "MISSING_PRINCIPAL"
	MissingQualifier               Code = "MISSING_QUALIFIER"
	MissingQuoteInVariable         Code = "MISSING_QUOTE_IN_VARIABLE"
	MissingResource                Code = "MISSING_RESOURCE"
	MissingStatement               Code = "MISSING_STATEMENT"
	NullWithIfExists               Code = "NULL_WITH_IF_EXISTS"
	PolicySizeExceedsSCPQuota      Code = "POLICY_SIZE_EXCEEDS_SCP_QUOTA"
	PrivateIPAddress               Code = "PRIVATE_IP_ADDRESS"
	PrivateNotIPAddress            Code = "PRIVATE_NOT_IP_ADDRESS"
	SCPSyntaxErrorPrincipal        Code = "SCP_SYNTAX_ERROR_PRINCIPAL"
	UniqueSidsRequired             Code = "UNIQUE_SIDS_REQUIRED"
	UnsupportedActionInPolicy      Code = "UNSUPPORTED_ACTION_IN_POLICY"
	UnsupportedElementCombination  Code = "UNSUPPORTED_ELEMENT_COMBINATION"
	UnsupportedGlobalConditionKey  Code = "UNSUPPORTED_GLOBAL_CONDITION_KEY"
	UnsupportedPrincipal           Code = "UNSUPPORTED_PRINCIPAL"
	UnsupportedSid                 Code = "UNSUPPORTED_SID"
	UnsupportedSpaceInVariable     Code = "UNSUPPORTED_SPACE_IN_VARIABLE"
	UnsupportedWildcardInPrincipal Code = "UNSUPPORTED_WILDCARD_IN_PRINCIPAL"
	VariableUnsupportedInElement   Code = "VARIABLE_UNSUPPORTED_IN_ELEMENT"
	VariableUnsupportedInVersion   Code = "VARIABLE_UNSUPPORTED_IN_VERSION"
)

// Access Analyzer security warnings: the policy grants more than it seems to.
const (
	AllowWithNotPrincipal                  Code = "ALLOW_WITH_NOT_PRINCIPAL"
	AllowWithUnsupportedTagConditionKey    Code = "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE"
	ForAllValuesWithSingleValuedKey        Code = "FORALLVALUES_WITH_SINGLE_VALUED_KEY"
	PassRoleWithNotResource                Code = "PASS_ROLE_WITH_NOT_RESOURCE"
	PassRoleWithStarInActionAndNotResource Code = "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE"
	PassRoleWithNotActionAndNotResource    Code = "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE"
	PassRoleWithStarInResource             Code = "PASS_ROLE_WITH_STAR_IN_RESOURCE"
	PassRoleWithStarInActionAndResource    Code = "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE"
	PassRoleWithStarInResourceAndNotAction Code = "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION"
)

// Access Analyzer general warnings: the policy probably does not work as
// intended.
const (
	CreateSLRWithNotResource                Code = "CREATE_SLR_WITH_NOT_RESOURCE"
	CreateSLRWithStarInActionAndNotResource Code = "CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE"
	CreateSLRWithNotActionAndNotResource    Code = "CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE"
	CreateSLRWithStarInResource             Code = "CREATE_SLR_WITH_STAR_IN_RESOURCE"
	CreateSLRWithStarInActionAndResource    Code = "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE"
	CreateSLRWithStarInResourceAndNotAction Code = "CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION"
	InvalidDateValue                        Code = "INVALID_DATE_VALUE"
	InvalidRoleReference                    Code = "INVALID_ROLE_REFERENCE"
	InvalidUserReference                    Code = "INVALID_USER_REFERENCE"
	MissingVersion                          Code = "MISSING_VERSION"
	PolicySizeExceedsIdentityPolicyQuota    Code = "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"
	TypeMismatch                            Code = "TYPE_MISMATCH"
	TypeMismatchBoolean                     Code = "TYPE_MISMATCH_BOOLEAN"
	TypeMismatchDate                        Code = "TYPE_MISMATCH_DATE"
	TypeMismatchIPRange                     Code = "TYPE_MISMATCH_IP_RANGE"
	TypeMismatchNumber                      Code = "TYPE_MISMATCH_NUMBER"
	UniqueSidsRecommended                   Code = "UNIQUE_SIDS_RECOMMENDED"
	WildcardWithoutLikeOperator             Code = "WILDCARD_WITHOUT_LIKE_OPERATOR"
)

// Access Analyzer suggestions: the policy can be simpler without changing
// what it grants.
const (
	EmptyArrayAction                Code = "EMPTY_ARRAY_ACTION"
	EmptyArrayCondition             Code = "EMPTY_ARRAY_CONDITION"
	EmptyArrayConditionForAllValues Code = "EMPTY_ARRAY_CONDITION_FORALLVALUES"
	EmptyArrayConditionForAnyValue  Code = "EMPTY_ARRAY_CONDITION_FORANYVALUE"
	EmptyArrayConditionIfExists     Code = "EMPTY_ARRAY_CONDITION_IFEXISTS"
	EmptyArrayPrincipal             Code = "EMPTY_ARRAY_PRINCIPAL"
	EmptyArrayResource              Code = "EMPTY_ARRAY_RESOURCE"
	EmptyObjectCondition            Code = "EMPTY_OBJECT_CONDITION"
	EmptyObjectPrincipal            Code = "EMPTY_OBJECT_PRINCIPAL"
	EmptySidValue                   Code = "EMPTY_SID_VALUE"
	ImproveIPRange                  Code = "IMPROVE_IP_RANGE"
	NullWithQualifier               Code = "NULL_WITH_QUALIFIER"
	PrivateIPAddressSubset          Code = "PRIVATE_IP_ADDRESS_SUBSET"
	PrivateNotIPAddressSubset       Code = "PRIVATE_NOT_IP_ADDRESS_SUBSET"
	RedundantAction                 Code = "REDUNDANT_ACTION"
	RedundantConditionValueNum      Code = "REDUNDANT_CONDITION_VALUE_NUM"
	RedundantResource               Code = "REDUNDANT_RESOURCE"
	RedundantStatement              Code = "REDUNDANT_STATEMENT"
	WildcardInServiceName           Code = "WILDCARD_IN_SERVICE_NAME"
)

// Vigil's own codes, for checks Access Analyzer does not make.
const (
	// DuplicateKey (warning): a key written twice in one JSON object; a
	// reader sees both, AWS uses one.
	DuplicateKey Code = "DUPLICATE_KEY"
	// AllowWithNotAction (security warning): Allow with NotAction grants
	// every other action, of every service, present and future.
	AllowWithNotAction Code = "ALLOW_WITH_NOT_ACTION"
	// AllowWithNotResource (security warning): Allow with NotResource
	// grants the actions on every other resource.
	AllowWithNotResource Code = "ALLOW_WITH_NOT_RESOURCE"
	// ConditionKeyNotSupportedByActions (warning): a service's condition
	// key that none of the statement's actions supports, so the request
	// never carries it.
	ConditionKeyNotSupportedByActions Code = "CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS"
	// ResourceTypeMismatch (warning): a resource ARN that is no resource
	// type any of the statement's actions takes.
	ResourceTypeMismatch Code = "RESOURCE_TYPE_MISMATCH"
	// UnsupportedResourceInTrustPolicy (error): a role trust policy names
	// the role it is attached to; Resource and NotResource are refused.
	UnsupportedResourceInTrustPolicy Code = "UNSUPPORTED_RESOURCE_IN_TRUST_POLICY"
	// RCPSyntaxErrorPrincipal (error): resource control policies apply to
	// every principal: Principal must be "*" and NotPrincipal is refused.
	RCPSyntaxErrorPrincipal Code = "RCP_SYNTAX_ERROR_PRINCIPAL"
	// RCPSyntaxErrorAllow (error): customer resource control policies only
	// deny.
	RCPSyntaxErrorAllow Code = "RCP_SYNTAX_ERROR_ALLOW"
)

// codeTypes gives each code its finding type.
var codeTypes = map[Code]Type{
	AllowWithNotPrincipal: SecurityWarning, AllowWithUnsupportedTagConditionKey: SecurityWarning,
	ForAllValuesWithSingleValuedKey: SecurityWarning, PassRoleWithNotResource: SecurityWarning,
	PassRoleWithStarInActionAndNotResource: SecurityWarning, PassRoleWithNotActionAndNotResource: SecurityWarning,
	PassRoleWithStarInResource: SecurityWarning, PassRoleWithStarInActionAndResource: SecurityWarning,
	PassRoleWithStarInResourceAndNotAction: SecurityWarning, AllowWithNotAction: SecurityWarning,
	AllowWithNotResource: SecurityWarning,

	CreateSLRWithNotResource: Warning, CreateSLRWithStarInActionAndNotResource: Warning,
	CreateSLRWithNotActionAndNotResource: Warning, CreateSLRWithStarInResource: Warning,
	CreateSLRWithStarInActionAndResource: Warning, CreateSLRWithStarInResourceAndNotAction: Warning,
	InvalidDateValue: Warning, InvalidRoleReference: Warning, InvalidUserReference: Warning,
	MissingVersion: Warning, PolicySizeExceedsIdentityPolicyQuota: Warning, TypeMismatch: Warning,
	TypeMismatchBoolean: Warning, TypeMismatchDate: Warning, TypeMismatchIPRange: Warning,
	TypeMismatchNumber: Warning, UniqueSidsRecommended: Warning, WildcardWithoutLikeOperator: Warning,
	DuplicateKey: Warning, ConditionKeyNotSupportedByActions: Warning, ResourceTypeMismatch: Warning,

	EmptyArrayAction: Suggestion, EmptyArrayCondition: Suggestion, EmptyArrayConditionForAllValues: Suggestion,
	EmptyArrayConditionForAnyValue: Suggestion, EmptyArrayConditionIfExists: Suggestion,
	EmptyArrayPrincipal: Suggestion, EmptyArrayResource: Suggestion, EmptyObjectCondition: Suggestion,
	EmptyObjectPrincipal: Suggestion, EmptySidValue: Suggestion, ImproveIPRange: Suggestion,
	NullWithQualifier: Suggestion, PrivateIPAddressSubset: Suggestion, PrivateNotIPAddressSubset: Suggestion,
	RedundantAction: Suggestion, RedundantConditionValueNum: Suggestion, RedundantResource: Suggestion,
	RedundantStatement: Suggestion, WildcardInServiceName: Suggestion,
}

// Type returns the finding type of the code: Error unless listed otherwise.
func (c Code) Type() Type {
	if t, ok := codeTypes[c]; ok {
		return t
	}
	return Error
}
