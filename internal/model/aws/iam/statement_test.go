package iam

import (
	"testing"

	"github.com/vigil-sec/vigil/internal/model"
)

func TestMatchPattern(t *testing.T) {
	for _, tc := range []struct {
		pattern, name string
		want          bool
	}{
		{"*", "iam:PassRole", true},
		{"iam:*", "iam:PassRole", true},
		{"IAM:pass*", "iam:PassRole", true},
		{"iam:Pass?ole", "iam:PassRole", true},
		{"iam:Get*", "iam:PassRole", false},
		{"s3:*Object", "s3:GetObjectAcl", false},
		{Unknown, "iam:PassRole", false},
	} {
		if got := MatchPattern(tc.pattern, tc.name); got != tc.want {
			t.Errorf("MatchPattern(%q, %q) = %v, want %v", tc.pattern, tc.name, got, tc.want)
		}
	}
}

func TestIsPublic(t *testing.T) {
	for name, tc := range map[string]struct {
		policy string
		want   bool
	}{
		"star":            {`{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}}`, true},
		"aws star":        {`{"Statement":{"Effect":"Allow","Principal":{"AWS":["*"]},"Action":"s3:GetObject"}}`, true},
		"not principal":   {`{"Statement":{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:*"}}`, true},
		"deny":            {`{"Statement":{"Effect":"Deny","Principal":"*","Action":"s3:*"}}`, false},
		"account":         {`{"Statement":{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:*"}}`, false},
		"org":             {`{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}}`, false},
		"org if exists":   {`{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Condition":{"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-1"}}}}`, true},
		"not equals":      {`{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}}}`, true},
		"wildcard value":  {`{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Condition":{"StringLike":{"aws:PrincipalArn":"*"}}}}`, true},
		"any ip":          {`{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Condition":{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}}}`, true},
		"office ip":       {`{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24"]}}}}`, false},
		"tls only":        {`{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}}`, true},
		"service":         {`{"Statement":{"Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject"}}`, false},
		"for all values":  {`{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Condition":{"ForAllValues:StringEquals":{"aws:PrincipalOrgID":"o-1"}}}}`, true},
		"for any value":   {`{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Condition":{"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"o-1/r-ab12/*"}}}}`, false},
		"service via kms": {`{"Statement":{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Condition":{"StringEquals":{"kms:CallerAccount":"111122223333"}}}}`, false},
	} {
		d := ParseDocument(model.Set(tc.policy, model.Origin{}))
		if d.Err != "" || len(d.Statements) != 1 {
			t.Fatalf("%s: parse: %s", name, d.Err)
		}
		if got := d.Statements[0].IsPublic(); got != tc.want {
			t.Errorf("%s: IsPublic() = %v, want %v", name, got, tc.want)
		}
	}
}

func TestCoversAction(t *testing.T) {
	d := ParseDocument(model.Set(`{"Statement":[
		{"Effect":"Allow","Action":["iam:Pass*"],"Resource":"*"},
		{"Effect":"Allow","NotAction":["s3:*"],"Resource":"*"},
		{"Effect":"Allow","NotAction":["iam:*"],"Resource":"*"}
	]}`, model.Origin{}))
	for i, want := range []bool{true, true, false} {
		if got := d.Statements[i].CoversAction("iam:PassRole"); got != want {
			t.Errorf("statement %d CoversAction(iam:PassRole) = %v, want %v", i, got, want)
		}
	}
}

func TestAWSManagedPolicy(t *testing.T) {
	for arn, want := range map[string]bool{
		"arn:aws:iam::aws:policy/AdministratorAccess":                 true,
		"arn:aws-us-gov:iam::aws:policy/AdministratorAccess":          true,
		"arn:aws:iam::aws:policy/job-function/AdministratorAccess":    true,
		"arn:aws:iam::111122223333:policy/AdministratorAccess":        false,
		"arn:aws:iam::aws:policy/AdministratorAccess-Amplify":         false,
		"arn:aws:iam::aws:policy/service-role/NotAdministratorAccess": false,
	} {
		if got := AWSManagedPolicy(arn, "AdministratorAccess"); got != want {
			t.Errorf("AWSManagedPolicy(%q) = %v, want %v", arn, got, want)
		}
	}
}

func TestMayBePublic(t *testing.T) {
	u := Unknown
	for name, tc := range map[string]struct {
		st            Statement
		public, mayBe bool
	}{
		"public":             {Statement{Effect: "Allow", Principal: &Principal{All: true}, Action: []string{"sqs:*"}}, true, true},
		"public partial":     {Statement{Partial: true, Effect: "Allow", Principal: &Principal{All: true}, Resource: []string{u}}, true, true},
		"unknown principal":  {Statement{Partial: true, Effect: "Allow", Principal: &Principal{AWS: []string{u}}}, false, true},
		"unknown effect":     {Statement{Partial: true, Effect: u, Principal: &Principal{All: true}}, false, true},
		"unknown service":    {Statement{Partial: true, Effect: "Allow", Principal: &Principal{Service: []string{u}}}, false, false},
		"deny":               {Statement{Partial: true, Effect: "Deny", Principal: &Principal{AWS: []string{u}}}, false, false},
		"known account":      {Statement{Partial: true, Effect: "Allow", Principal: &Principal{AWS: []string{"111122223333"}}, Resource: []string{u}}, false, false},
		"unknown condition":  {Statement{Partial: true, Effect: "Allow", Principal: &Principal{All: true}, Condition: []Condition{{Operator: u, Key: u, Values: []string{u}}}}, false, true},
		"unknown org value":  {Statement{Partial: true, Effect: "Allow", Principal: &Principal{All: true}, Condition: []Condition{{Operator: "StringEquals", Key: "aws:PrincipalOrgID", Values: []string{u}}}}, false, true},
		"known org":          {Statement{Partial: true, Effect: "Allow", Principal: &Principal{AWS: []string{u}}, Condition: []Condition{{Operator: "StringEquals", Key: "aws:PrincipalOrgID", Values: []string{"o-1"}}}}, false, false},
		"not partial unsure": {Statement{Effect: "Allow", Principal: &Principal{AWS: []string{"111122223333"}}}, false, false},
	} {
		if got := tc.st.IsPublic(); got != tc.public {
			t.Errorf("%s: IsPublic() = %v, want %v", name, got, tc.public)
		}
		if got := tc.st.MayBePublic(); got != tc.mayBe {
			t.Errorf("%s: MayBePublic() = %v, want %v", name, got, tc.mayBe)
		}
	}
}

func TestMayHaveEffect(t *testing.T) {
	for _, tc := range []struct {
		effect, asked string
		want          bool
	}{
		{"Allow", "Allow", true},
		{"Deny", "Allow", false},
		{Unknown, "Allow", true},
		{Unknown, "Deny", true},
	} {
		if got := (Statement{Effect: tc.effect}).MayHaveEffect(tc.asked); got != tc.want {
			t.Errorf("Effect %q: MayHaveEffect(%q) = %v, want %v", tc.effect, tc.asked, got, tc.want)
		}
	}
}

func TestCoversAllActions(t *testing.T) {
	for name, tc := range map[string]struct {
		st   Statement
		want bool
	}{
		"star":                {Statement{Action: []string{"*"}}, true},
		"service star":        {Statement{Action: []string{"SQS:*"}}, true},
		"short star":          {Statement{Action: []string{"sq*"}}, true},
		"some":                {Statement{Action: []string{"sqs:Send*"}}, false},
		"other service":       {Statement{Action: []string{"sns:*"}}, false},
		"unknown action":      {Statement{Action: []string{Unknown}}, false},
		"not action other":    {Statement{NotAction: []string{"iam:*"}}, true},
		"not action one":      {Statement{NotAction: []string{"sqs:DeleteQueue"}}, false},
		"not action wildcard": {Statement{NotAction: []string{"s?s:Delete*"}}, false},
		"not action broad":    {Statement{NotAction: []string{"*Queue"}}, false},
		"not action unknown":  {Statement{NotAction: []string{Unknown}}, false},
		"not action short":    {Statement{NotAction: []string{"sqs"}}, true},
	} {
		if got := tc.st.CoversAllActions("sqs"); got != tc.want {
			t.Errorf("%s: CoversAllActions(sqs) = %v, want %v", name, got, tc.want)
		}
	}
}

func TestMatchesService(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		want    bool
	}{
		{"*", true},
		{"*:*", true},
		{"iam:*", true},
		{"IAM:*", true},
		{"ia*", true},
		{"i?m:*", true},
		{"iam:Create*", false},
		{"iam:PassRole", false},
		{"iam", false},
		{"s3:*", false},
		{Unknown, false},
	} {
		if got := MatchesService(tc.pattern, "iam"); got != tc.want {
			t.Errorf("MatchesService(%q, iam) = %v, want %v", tc.pattern, got, tc.want)
		}
	}
}

func TestDeniesInsecureTransport(t *testing.T) {
	for name, tc := range map[string]struct {
		policy string
		want   bool
	}{
		"bool":           {`{"Statement":{"Effect":"Deny","Principal":"*","Action":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}}`, true},
		"bool if exists": {`{"Statement":{"Effect":"Deny","Principal":"*","Action":"*","Condition":{"BoolIfExists":{"aws:securetransport":false}}}}`, true},
		"allow":          {`{"Statement":{"Effect":"Allow","Principal":"*","Action":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}}`, false},
		"true":           {`{"Statement":{"Effect":"Deny","Principal":"*","Action":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}}`, false},
		"other key":      {`{"Statement":{"Effect":"Deny","Principal":"*","Action":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}}`, false},
	} {
		d := ParseDocument(model.Set(tc.policy, model.Origin{}))
		if d.Err != "" || len(d.Statements) != 1 {
			t.Fatalf("%s: parse: %s", name, d.Err)
		}
		if got := d.Statements[0].DeniesInsecureTransport(); got != tc.want {
			t.Errorf("%s: DeniesInsecureTransport() = %v, want %v", name, got, tc.want)
		}
	}
}
