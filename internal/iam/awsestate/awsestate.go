package awsestate

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// PlaceholderAccount stands for the account of an estate whose source does
// not say which it is (IaC, where the account is known only at apply time).
// ARNs then read "arn:aws:iam::000000000000:role/app": comparable within the
// estate, naming no real account.
const PlaceholderAccount = "000000000000"

// Options configure Build.
type Options struct {
	// Account is the account ID of everything whose ARN the source does not
	// know. "" takes the account of the first identity, policy or instance
	// profile ARN the source knows (live data), else PlaceholderAccount.
	Account string
	// Partition is the AWS partition of the ARNs Build writes; "" is "aws".
	Partition string
	// Catalog holds the AWS managed policy documents; nil is catalog.Load().
	Catalog *catalog.Catalog
}

// Build builds the estate of st.
//
// Principals are st's users, groups and roles, in that order and in the
// model's order. Managed policies are one *iam.Policy each, shared by every
// principal they are attached to; a group's policies are one *iam.Policy per
// group (with Via set) shared by its members. Resources are those with a
// resource-based policy, and workloads those that name a role.
func Build(st *aws.State, opts Options) *iam.Estate {
	b := newBuilder(st, opts)
	b.principals()
	b.resources()
	b.workloads()
	b.accounts()
	b.organization()
	return b.e
}

type builder struct {
	st        *aws.State
	cat       *catalog.Catalog
	partition string
	account   string
	e         *iam.Estate

	// byID maps model resource IDs of users, groups and roles to their
	// principals; roleByARN and roleByName are for links that name a role.
	byID        map[string]*iam.Principal
	groupByName map[string]*iam.Principal
	roleByARN   map[string]*iam.Principal
	// roleByName maps a role's path and name ("/team/app") to it, or to nil
	// when several roles share them (several accounts).
	roleByName map[string]*iam.Principal
	// roleByBareName is roleByName by name alone.
	roleByBareName map[string]*iam.Principal
	// sourcePolicies maps known customer managed policy ARNs to the model's
	// policies.
	sourcePolicies map[string]*iammodel.Policy
	// managed caches one policy per managed policy and kind.
	managed map[managedKey]*iam.Policy
}

// managedKey names a managed policy: by its model value when the source
// defines it, else by ARN.
type managedKey struct {
	kind iam.PolicyKind
	src  *iammodel.Policy
	arn  string
}

func newBuilder(st *aws.State, opts Options) *builder {
	b := &builder{
		st:             st,
		cat:            opts.Catalog,
		partition:      opts.Partition,
		account:        opts.Account,
		byID:           make(map[string]*iam.Principal, len(st.IAM.Users)+len(st.IAM.Groups)+len(st.IAM.Roles)),
		groupByName:    map[string]*iam.Principal{},
		roleByARN:      make(map[string]*iam.Principal, len(st.IAM.Roles)),
		roleByName:     make(map[string]*iam.Principal, len(st.IAM.Roles)),
		roleByBareName: make(map[string]*iam.Principal, len(st.IAM.Roles)),
		sourcePolicies: make(map[string]*iammodel.Policy, len(st.IAM.Policies)),
		managed:        map[managedKey]*iam.Policy{},
	}
	if b.cat == nil {
		b.cat = catalog.Load()
	}
	if b.partition == "" {
		b.partition = "aws"
	}
	if b.account == "" {
		b.account = sourceAccount(&st.IAM)
	}
	b.e = &iam.Estate{Partition: b.partition, Catalog: b.cat, Accounts: map[string]*iam.Account{}}
	for _, p := range st.IAM.Policies {
		if arn, ok := p.ARN.Get(); ok && arn != "" {
			b.sourcePolicies[arn] = p
		}
	}
	return b
}

// localMarker is how the source writes the ARN of an IAM identity or policy
// of the same configuration: the account is known only at apply time.
const localMarker = ":iam::" + iammodel.ThisAccount + ":"

// localDoc puts the estate's account into the ARNs of a document that name
// identities and policies of this source ("arn:aws:iam::${this-account}:
// role/app" for aws_iam_role.app.arn): they are in the same account as the
// estate's own principals, whose ARNs the estate writes in that account.
func (b *builder) localDoc(d iammodel.Document) iammodel.Document {
	text, ok := d.Raw.Get()
	if !ok || !strings.Contains(text, localMarker) {
		return d
	}
	local := strings.ReplaceAll(text, localMarker, ":iam::"+b.account+":")
	nd := iammodel.ParseDocument(model.Set(local, d.Raw.Origin))
	if len(nd.Statements) != len(d.Statements) {
		return d
	}
	for i := range nd.Statements {
		nd.Statements[i].Origin = d.Statements[i].Origin
	}
	return nd
}

// sourceAccount returns the account of the first ARN the IAM state knows, or
// PlaceholderAccount.
func sourceAccount(st *iammodel.State) string {
	for _, v := range st.Users {
		if acct := accountOf(v.ARN.Val()); acct != "" {
			return acct
		}
	}
	for _, v := range st.Groups {
		if acct := accountOf(v.ARN.Val()); acct != "" {
			return acct
		}
	}
	for _, v := range st.Roles {
		if acct := accountOf(v.ARN.Val()); acct != "" {
			return acct
		}
	}
	for _, v := range st.Policies {
		if acct := accountOf(v.ARN.Val()); acct != "" {
			return acct
		}
	}
	for _, v := range st.InstanceProfiles {
		if acct := accountOf(v.ARN.Val()); acct != "" {
			return acct
		}
	}
	return PlaceholderAccount
}

// accountOf returns the account field of a known ARN, or "" when it has
// none (S3 buckets, AWS managed policies) or it is not known.
func accountOf(arn string) string {
	f := strings.SplitN(arn, ":", 6)
	if len(f) < 6 || f[0] != "arn" || f[4] == "aws" || strings.Contains(f[4], iammodel.Unknown) {
		return ""
	}
	return f[4]
}

// arn writes an ARN in the estate's partition and account.
func (b *builder) arn(service, region, resource string) string {
	return "arn:" + b.partition + ":" + service + ":" + region + ":" + b.account + ":" + resource
}

// knownARN returns v when it is a known, complete ARN.
func knownARN(v model.String) (string, bool) {
	s, ok := v.Get()
	if !ok || !strings.HasPrefix(s, "arn:") || strings.Contains(s, iammodel.Unknown) {
		return "", false
	}
	return s, true
}

// unknownDocument is a policy document that could not be read; o is where
// it is declared.
func unknownDocument(o model.Origin) iammodel.Document {
	return iammodel.Document{Raw: model.Unresolved[string](o)}
}

// tags returns the known tags of r, and whether all of them are known.
func tags(m model.Map[string]) (map[string]string, bool) {
	known := m.Known()
	if len(m.Entries) == 0 {
		return nil, known
	}
	out := make(map[string]string, len(m.Entries))
	for k, v := range m.Entries {
		if s, ok := v.Get(); ok {
			out[k] = s
		} else {
			known = false
		}
	}
	return out, known
}

func (b *builder) accounts() {
	add := func(id string) {
		if id != "" && b.e.Accounts[id] == nil {
			b.e.Accounts[id] = &iam.Account{ID: id}
		}
	}
	add(b.account)
	for _, p := range b.e.Principals {
		add(p.Account)
	}
	for _, r := range b.e.Resources {
		add(r.Account)
	}
	for _, w := range b.e.Workloads {
		add(w.Account)
	}
}
