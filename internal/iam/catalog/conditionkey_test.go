package catalog

import (
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestConditionKey(t *testing.T) {
	c := Load()
	for _, tc := range []struct {
		key  string
		want *ConditionKey // nil: unknown
	}{
		{"aws:SourceIp", &ConditionKey{"aws:SourceIp", "IPAddress", true}},
		{"AWS:SOURCEIP", &ConditionKey{"aws:SourceIp", "IPAddress", true}},
		{"aws:RequestTag/Env", &ConditionKey{"aws:RequestTag/${TagKey}", "String", true}},
		{"aws:requesttag/${TagKey}", &ConditionKey{"aws:RequestTag/${TagKey}", "String", true}},
		{"aws:PrincipalTag/team/a:b", &ConditionKey{"aws:PrincipalTag/${TagKey}", "String", true}},
		{"aws:ResourceTag/x", &ConditionKey{"aws:ResourceTag/${TagKey}", "String", true}},
		{"aws:RequestTag/", nil},
		{"aws:RequestTagEnv", nil},
		{"aws:TagKeys", &ConditionKey{"aws:TagKeys", "ArrayOfString", true}},
		{"aws:EpochTime", &ConditionKey{"aws:EpochTime", "Date", true}},
		{"aws:MultiFactorAuthAge", &ConditionKey{"aws:MultiFactorAuthAge", "Numeric", true}},
		{"aws:CalledVia", &ConditionKey{"aws:CalledVia", "ArrayOfString", true}},
		{"ec2:SourceInstanceARN", &ConditionKey{"ec2:SourceInstanceARN", "ARN", true}},
		{"identitystore:UserId", &ConditionKey{"identitystore:UserId", "String", true}},
		{"s3:ExistingObjectTag/team", &ConditionKey{"s3:ExistingObjectTag/<key>", "String", false}},
		{"s3:prefix", &ConditionKey{"s3:prefix", "String", false}},
		{"iam:PassedToService", &ConditionKey{"iam:PassedToService", "String", false}},
		{"kms:EncryptionContext:aws:pi:service", &ConditionKey{"kms:EncryptionContext:${EncryptionContextKey}", "String", false}},
		{"events:Metadata/k/Matcher", &ConditionKey{"events:Metadata/${MetadataKey}/Matcher", "String", false}},
		{"events:Metadata/k", &ConditionKey{"events:Metadata/${MetadataKey}", "ArrayOfString", false}},
		{"token.actions.githubusercontent.com/org:actor", &ConditionKey{"token.actions.githubusercontent.com/${SubPath}:actor", "String", false}},
		{"token.actions.githubusercontent.com:actor", &ConditionKey{"token.actions.githubusercontent.com:actor", "String", false}},
		{"nosuch:key", nil},
		{"", nil},
	} {
		t.Run(tc.key, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, c.ConditionKey(tc.key)); diff != "" {
				t.Errorf("ConditionKey(%q) (-want +got):\n%s", tc.key, diff)
			}
		})
	}
}

// TestGlobalConditionKeys checks that the keys AWS documents as global are
// known, whichever case a policy spells them in.
func TestGlobalConditionKeys(t *testing.T) {
	c := Load()
	for _, k := range []string{
		"aws:SourceIp", "aws:PrincipalArn", "aws:PrincipalOrgID", "aws:SecureTransport",
		"aws:MultiFactorAuthPresent", "aws:CurrentTime", "aws:PrincipalTag/${TagKey}",
		"aws:ResourceTag/${TagKey}", "aws:RequestTag/${TagKey}", "aws:TagKeys", "aws:username",
		"aws:userid", "aws:SourceVpce", "aws:SourceVpc", "aws:SourceAccount", "aws:SourceArn",
		"aws:CalledVia", "aws:CalledViaFirst", "aws:CalledViaLast", "aws:ViaAWSService",
		"aws:PrincipalType", "aws:PrincipalAccount", "aws:ResourceAccount", "aws:ResourceOrgID",
		"aws:RequestedRegion", "aws:EpochTime", "aws:TokenIssueTime", "aws:FederatedProvider",
		"aws:SourceIdentity", "aws:PrincipalIsAWSService", "aws:PrincipalServiceName",
		"aws:VpcSourceIp", "aws:Ec2InstanceSourceVpc", "aws:SourceOrgID", "aws:ResourceOrgPaths",
		"aws:PrincipalOrgPaths", "aws:MultiFactorAuthAge", "aws:referer", "aws:UserAgent",
	} {
		for _, spelled := range []string{k, strings.ToLower(k)} {
			if got := c.ConditionKey(spelled); got == nil || got.Name != k || !got.Global {
				t.Errorf("ConditionKey(%q) = %+v, want global %s", spelled, got, k)
			}
		}
	}
}

// keyRegexp is the meaning of a key's name: its variable parts match any
// non-empty run, the rest literally, ignoring case.
var varPart = regexp.MustCompile(`\$\{[^}]*\}|<[^>]*>`)

func keyRegexp(name string) *regexp.Regexp {
	lits := varPart.Split(name, -1)
	for i, l := range lits {
		lits[i] = regexp.QuoteMeta(l)
	}
	return regexp.MustCompile(`(?is)^` + strings.Join(lits, ".+") + `$`)
}

func FuzzConditionKey(f *testing.F) {
	for _, s := range []string{"aws:RequestTag/Env", "aws:sourceip", "s3:ExistingObjectTag/x", "events:Metadata/a/Matcher", "kms:EncryptionContext:k", "github.com/enterprises/e:actor", "x"} {
		f.Add(s)
	}
	c := Load()
	res := map[*ConditionKey]*regexp.Regexp{}
	for _, k := range c.keys {
		res[k] = keyRegexp(k.Name)
	}
	f.Fuzz(func(t *testing.T, key string) {
		if strings.ToLower(key) != asciiLower(key) {
			return // keys are ASCII; Unicode folding is not IAM's
		}
		got := c.ConditionKey(key)
		if got != nil && !res[got].MatchString(key) {
			t.Errorf("ConditionKey(%q) = %s, which does not fit", key, got.Name)
		}
		if got == nil {
			for k, re := range res {
				if re.MatchString(key) {
					t.Errorf("ConditionKey(%q) = nil, but %s fits", key, k.Name)
				}
			}
		}
	})
}
