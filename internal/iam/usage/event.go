package usage

import (
	"cmp"
	"encoding/json"
	"strings"
	"time"
)

// Event is one CloudTrail record, reduced to the fields usage analysis reads.
// The JSON tags are CloudTrail's own record format.
type Event struct {
	Time   time.Time `json:"eventTime"`
	Source string    `json:"eventSource"` // "s3.amazonaws.com"
	Name   string    `json:"eventName"`   // "GetObject"
	// Type is "AwsApiCall", "AwsServiceEvent", "AwsConsoleSignIn", ...
	Type         string          `json:"eventType"`
	ID           string          `json:"eventID"`
	Region       string          `json:"awsRegion"`
	Account      string          `json:"recipientAccountId"`
	ErrorCode    string          `json:"errorCode"`
	ErrorMessage string          `json:"errorMessage"`
	Identity     Identity        `json:"userIdentity"`
	Resources    []Resource      `json:"resources"`
	Request      json.RawMessage `json:"requestParameters"`
}

// Identity is a record's userIdentity.
type Identity struct {
	// Type is "IAMUser", "AssumedRole", "Root", "FederatedUser",
	// "AWSService", "AWSAccount", ...
	Type        string         `json:"type"`
	PrincipalID string         `json:"principalId"`
	ARN         string         `json:"arn"`
	AccountID   string         `json:"accountId"`
	UserName    string         `json:"userName"`
	InvokedBy   string         `json:"invokedBy"`
	Session     SessionContext `json:"sessionContext"`
}

// SessionContext is the part of userIdentity.sessionContext that says which
// IAM entity issued temporary credentials.
type SessionContext struct {
	Issuer SessionIssuer `json:"sessionIssuer"`
}

// SessionIssuer is the role (or user, for federation tokens) whose
// credentials a session uses.
type SessionIssuer struct {
	Type      string `json:"type"` // "Role", "IAMUser", "Root"
	ARN       string `json:"arn"`
	AccountID string `json:"accountId"`
	UserName  string `json:"userName"`
}

// Resource is one entry of a record's resources list.
type Resource struct {
	ARN       string `json:"ARN"`
	AccountID string `json:"accountId"`
	Type      string `json:"type"` // "AWS::S3::Object"
}

// IsAPICall reports whether the record is an API call made with the
// identity's credentials (eventType AwsApiCall; records older than eventType
// have none). Service events, console sign-ins and Insights events need no
// permission of the principal.
func (e *Event) IsAPICall() bool { return e.Type == "AwsApiCall" || e.Type == "" }

// deniedCodes are the error codes with which services refuse a call for lack
// of permission, lower case and without EC2's "Client." prefix.
var deniedCodes = map[string]bool{
	"accessdenied":                true,
	"accessdeniedexception":       true,
	"unauthorizedoperation":       true,
	"unauthorizedaccess":          true,
	"authorizationerror":          true,
	"authorizationerrorexception": true,
	"forbidden":                   true,
	"forbiddenexception":          true,
}

// Denied reports whether the call was refused for lack of permission: an
// access-denied error code, or a message in the form every service uses for
// an implicit or explicit deny ("... is not authorized to perform ...").
func (e *Event) Denied() bool {
	if e.ErrorCode == "" {
		return false
	}
	code := strings.ToLower(strings.TrimPrefix(e.ErrorCode, "Client."))
	return deniedCodes[code] || strings.Contains(e.ErrorMessage, "not authorized to perform")
}

// PrincipalKind says what kind of identity an event is attributed to.
type PrincipalKind uint8

// Principal kinds. Users, roles and root have identity policies; the others
// are reported but no policy can be written for them.
const (
	User PrincipalKind = iota + 1
	Role
	Root
	// FederatedUser is a GetFederationToken session whose issuer the log
	// does not name.
	FederatedUser
	// Service is an AWS service acting with its own credentials.
	Service
	// Account is a principal of another account the log names only by its
	// account ID.
	Account
	// Other is any identity type the attribution does not know (SAML and
	// web-identity callers before they have a role, Identity Center users).
	Other
)

func (k PrincipalKind) String() string {
	switch k {
	case User:
		return "user"
	case Role:
		return "role"
	case Root:
		return "root"
	case FederatedUser:
		return "federated-user"
	case Service:
		return "service"
	case Account:
		return "account"
	}
	return "other"
}

// Principal is the identity an event is attributed to: for a session, the
// role or user whose policies authorized it, not the session.
type Principal struct {
	Kind PrincipalKind
	// ARN is the user's, role's or root's ARN, or a federated user's. A role
	// known only from a session ARN has no path in it.
	ARN     string
	Account string
	// Name is the user or role name, the service principal for Service, or
	// the identity type for Other.
	Name string
}

// String names the principal as users write it: "role/app", "user/alice",
// "root", "service/ec2.amazonaws.com", "account/123456789012".
func (p Principal) String() string {
	switch p.Kind {
	case Root:
		return "root"
	case Account:
		return "account/" + p.Account
	}
	return p.Kind.String() + "/" + p.Name
}

// key groups events of one principal: IAM names are unique in an account
// regardless of case and path, so the same role seen with and without its
// path is one principal.
func (p Principal) key() string {
	return p.Kind.String() + "\x00" + p.Account + "\x00" + strings.ToLower(p.Name)
}

// Principal attributes the event. The second result is false when the
// record names no identity.
func (e *Event) Principal() (Principal, bool) {
	id := &e.Identity
	iss := &id.Session.Issuer
	switch id.Type {
	case "IAMUser":
		name := id.UserName
		if name == "" {
			name = lastSegment(id.ARN)
		}
		return Principal{Kind: User, ARN: id.ARN, Account: id.AccountID, Name: name}, name != ""
	case "AssumedRole":
		if iss.ARN != "" && strings.EqualFold(iss.Type, "Role") {
			name := iss.UserName
			if name == "" {
				name = lastSegment(iss.ARN)
			}
			return Principal{Kind: Role, ARN: iss.ARN, Account: cmp.Or(iss.AccountID, id.AccountID), Name: name}, true
		}
		return roleFromSession(id.ARN)
	case "FederatedUser":
		switch {
		case iss.ARN != "" && strings.EqualFold(iss.Type, "IAMUser"):
			name := cmp.Or(iss.UserName, lastSegment(iss.ARN))
			return Principal{Kind: User, ARN: iss.ARN, Account: cmp.Or(iss.AccountID, id.AccountID), Name: name}, true
		case strings.EqualFold(iss.Type, "Root"):
			return rootPrincipal(cmp.Or(iss.ARN, id.ARN), cmp.Or(iss.AccountID, id.AccountID)), true
		}
		_, name, _ := strings.Cut(resourcePart(id.ARN), "/")
		return Principal{Kind: FederatedUser, ARN: id.ARN, Account: id.AccountID, Name: name}, id.ARN != ""
	case "Root":
		return rootPrincipal(id.ARN, id.AccountID), id.ARN != "" || id.AccountID != ""
	case "AWSService":
		return Principal{Kind: Service, Name: id.InvokedBy}, id.InvokedBy != ""
	case "AWSAccount":
		return Principal{Kind: Account, Account: id.AccountID}, id.AccountID != ""
	case "":
		return Principal{}, false
	}
	return Principal{Kind: Other, ARN: id.ARN, Account: id.AccountID, Name: id.Type}, true
}

func rootPrincipal(arn, account string) Principal {
	if account == "" {
		account = arnAccount(arn)
	}
	if arn == "" {
		arn = "arn:aws:iam::" + account + ":root"
	}
	return Principal{Kind: Root, ARN: arn, Account: account, Name: "root"}
}

// roleFromSession reads the role from an assumed-role session ARN
// ("arn:aws:sts::123456789012:assumed-role/app/session"), for records
// without a session issuer. The role's path is not in a session ARN.
func roleFromSession(arn string) (Principal, bool) {
	rest, ok := strings.CutPrefix(resourcePart(arn), "assumed-role/")
	name, _, _ := strings.Cut(rest, "/")
	if !ok || name == "" {
		return Principal{}, false
	}
	acct := arnAccount(arn)
	return Principal{Kind: Role, ARN: "arn:" + arnPartition(arn) + ":iam::" + acct + ":role/" + name, Account: acct, Name: name}, true
}

// arnField returns the i-th colon-separated field of an ARN (0 is "arn").
func arnField(arn string, i int) string {
	for range i {
		_, rest, ok := strings.Cut(arn, ":")
		if !ok {
			return ""
		}
		arn = rest
	}
	f, _, _ := strings.Cut(arn, ":")
	return f
}

func arnPartition(arn string) string { return cmp.Or(arnField(arn, 1), "aws") }
func arnAccount(arn string) string   { return arnField(arn, 4) }

// resourcePart returns what follows the account field of an ARN.
func resourcePart(arn string) string {
	s := arn
	for range 5 {
		_, rest, ok := strings.Cut(s, ":")
		if !ok {
			return ""
		}
		s = rest
	}
	return s
}

func lastSegment(arn string) string {
	r := resourcePart(arn)
	return r[strings.LastIndexByte(r, '/')+1:]
}
