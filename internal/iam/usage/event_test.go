package usage

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPrincipal(t *testing.T) {
	const acct = "111122223333"
	issuer := func(typ, arn, name string) SessionContext {
		return SessionContext{Issuer: SessionIssuer{Type: typ, ARN: arn, AccountID: acct, UserName: name}}
	}
	tests := []struct {
		name string
		id   Identity
		want Principal
		ok   bool
	}{
		{"user", Identity{Type: "IAMUser", ARN: "arn:aws:iam::111122223333:user/dev/alice", AccountID: acct, UserName: "alice"},
			Principal{Kind: User, ARN: "arn:aws:iam::111122223333:user/dev/alice", Account: acct, Name: "alice"}, true},
		{"user without name", Identity{Type: "IAMUser", ARN: "arn:aws:iam::111122223333:user/dev/alice", AccountID: acct},
			Principal{Kind: User, ARN: "arn:aws:iam::111122223333:user/dev/alice", Account: acct, Name: "alice"}, true},
		{"assumed role", Identity{Type: "AssumedRole", ARN: "arn:aws:sts::111122223333:assumed-role/app/s1", AccountID: acct,
			Session: issuer("Role", "arn:aws:iam::111122223333:role/service-role/app", "app")},
			Principal{Kind: Role, ARN: "arn:aws:iam::111122223333:role/service-role/app", Account: acct, Name: "app"}, true},
		{"assumed role without issuer", Identity{Type: "AssumedRole", ARN: "arn:aws-cn:sts::111122223333:assumed-role/app/s1", AccountID: acct},
			Principal{Kind: Role, ARN: "arn:aws-cn:iam::111122223333:role/app", Account: acct, Name: "app"}, true},
		{"assumed role, unreadable", Identity{Type: "AssumedRole", ARN: "garbage"}, Principal{}, false},
		{"federated user", Identity{Type: "FederatedUser", ARN: "arn:aws:sts::111122223333:federated-user/bob", AccountID: acct,
			Session: issuer("IAMUser", "arn:aws:iam::111122223333:user/broker", "broker")},
			Principal{Kind: User, ARN: "arn:aws:iam::111122223333:user/broker", Account: acct, Name: "broker"}, true},
		{"federated by root", Identity{Type: "FederatedUser", ARN: "arn:aws:sts::111122223333:federated-user/bob", AccountID: acct,
			Session: issuer("Root", "arn:aws:iam::111122223333:root", "")},
			Principal{Kind: Root, ARN: "arn:aws:iam::111122223333:root", Account: acct, Name: "root"}, true},
		{"federated, no issuer", Identity{Type: "FederatedUser", ARN: "arn:aws:sts::111122223333:federated-user/bob", AccountID: acct},
			Principal{Kind: FederatedUser, ARN: "arn:aws:sts::111122223333:federated-user/bob", Account: acct, Name: "bob"}, true},
		{"root", Identity{Type: "Root", ARN: "arn:aws:iam::111122223333:root", AccountID: acct},
			Principal{Kind: Root, ARN: "arn:aws:iam::111122223333:root", Account: acct, Name: "root"}, true},
		{"root without arn", Identity{Type: "Root", AccountID: acct},
			Principal{Kind: Root, ARN: "arn:aws:iam::111122223333:root", Account: acct, Name: "root"}, true},
		{"service", Identity{Type: "AWSService", InvokedBy: "lambda.amazonaws.com"},
			Principal{Kind: Service, Name: "lambda.amazonaws.com"}, true},
		{"other account", Identity{Type: "AWSAccount", AccountID: "444455556666", PrincipalID: "AIDAX"},
			Principal{Kind: Account, Account: "444455556666"}, true},
		{"web identity", Identity{Type: "WebIdentityUser", PrincipalID: "accounts.google.com:x"},
			Principal{Kind: Other, Name: "WebIdentityUser"}, true},
		{"none", Identity{}, Principal{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &Event{Identity: tt.id}
			got, ok := e.Principal()
			if ok != tt.ok {
				t.Errorf("ok = %v, want %v", ok, tt.ok)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("principal (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPrincipalString(t *testing.T) {
	tests := []struct {
		p    Principal
		want string
	}{
		{Principal{Kind: Role, Name: "app"}, "role/app"},
		{Principal{Kind: User, Name: "alice"}, "user/alice"},
		{Principal{Kind: Root, Name: "root"}, "root"},
		{Principal{Kind: Service, Name: "ec2.amazonaws.com"}, "service/ec2.amazonaws.com"},
		{Principal{Kind: Account, Account: "444455556666"}, "account/444455556666"},
		{Principal{Kind: FederatedUser, Name: "bob"}, "federated-user/bob"},
		{Principal{Kind: Other, Name: "SAMLUser"}, "other/SAMLUser"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestDenied(t *testing.T) {
	tests := []struct {
		code, msg string
		want      bool
	}{
		{"AccessDenied", "Access Denied", true},
		{"AccessDeniedException", "", true},
		{"Client.UnauthorizedOperation", "You are not authorized to perform this operation.", true},
		{"UnauthorizedOperation", "", true},
		{"AuthorizationError", "", true},
		{"ValidationException", "User: arn:aws:iam::1:user/a is not authorized to perform: x:Y", true},
		{"NoSuchKey", "The specified key does not exist.", false},
		{"ThrottlingException", "Rate exceeded", false},
		{"", "", false},
	}
	for _, tt := range tests {
		e := &Event{ErrorCode: tt.code, ErrorMessage: tt.msg}
		if got := e.Denied(); got != tt.want {
			t.Errorf("Denied(%q, %q) = %v, want %v", tt.code, tt.msg, got, tt.want)
		}
	}
}

func TestIsAPICall(t *testing.T) {
	for typ, want := range map[string]bool{"AwsApiCall": true, "": true, "AwsServiceEvent": false, "AwsConsoleSignIn": false, "AwsCloudTrailInsight": false, "AwsVpceEvent": false} {
		if got := (&Event{Type: typ}).IsAPICall(); got != want {
			t.Errorf("IsAPICall(%q) = %v, want %v", typ, got, want)
		}
	}
}
