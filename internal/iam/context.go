package iam

import (
	"sync"
	"sync/atomic"

	"github.com/vigil-sec/vigil/internal/iam/condition"
)

// principalContext is the part of the request context a principal decides:
// built once per principal and shared by all its requests.
type principalContext struct {
	once sync.Once
	ctx  *condition.Context
	// last layers the organization and resource account of the last
	// request over ctx: most requests are about the principal's own
	// account, so they share it rather than build it anew.
	last atomic.Pointer[accountContext]
}

// accountContext is a principal's context with aws:PrincipalOrgID and
// aws:ResourceAccount ("" for neither) layered over it.
type accountContext struct {
	orgID, account string
	ctx            *condition.Context
}

func (p *Principal) context() *condition.Context {
	p.pctx.once.Do(func() {
		c := &condition.Context{}
		c.Set("aws:PrincipalArn", p.ARN)
		c.Set("aws:PrincipalAccount", p.Account)
		switch p.Type {
		case User:
			c.Set("aws:PrincipalType", "User")
			c.Set("aws:username", p.Name)
		case Role:
			c.Set("aws:PrincipalType", "AssumedRole")
			c.SetAbsent("aws:username")
		case Root:
			c.Set("aws:PrincipalType", "Account")
		case Federated:
			c.Set("aws:PrincipalType", "FederatedUser")
		case Service:
			c.Set("aws:PrincipalServiceName", p.ARN)
		case Anonymous:
			c.Set("aws:PrincipalType", "Anonymous")
			c.SetAbsent("aws:PrincipalArn")
			c.SetAbsent("aws:PrincipalAccount")
		}
		c.Set("aws:PrincipalIsAWSService", boolString(p.Type == Service))
		if p.TagsKnown {
			for k, v := range p.Tags {
				c.Set("aws:PrincipalTag/"+k, v)
			}
			c.SetAbsentPrefix("aws:PrincipalTag/")
		}
		p.pctx.ctx = c
	})
	return p.pctx.ctx
}

// requestContext layers what the request says over what the estate knows of
// the resource and the principal: the caller's keys win. Layers hold
// disjoint keys (principal, organization, resource account, resource tags),
// so only the caller's must come first.
func (e *Estate) requestContext(r *Request, t *target) *condition.Context {
	p := r.Principal
	orgID := ""
	if acct := e.Accounts[p.Account]; acct != nil {
		// Looked up per request: accounts may be added after principals
		// are.
		orgID = acct.OrgID
	}
	ac := p.pctx.last.Load()
	if ac == nil || ac.orgID != orgID || ac.account != t.account {
		ac = &accountContext{orgID: orgID, account: t.account, ctx: p.context()}
		if orgID != "" {
			c := &condition.Context{Parent: ac.ctx}
			c.Set("aws:PrincipalOrgID", orgID)
			ac.ctx = c
		}
		if t.account != "" {
			c := &condition.Context{Parent: ac.ctx}
			c.Set("aws:ResourceAccount", t.account)
			ac.ctx = c
		}
		p.pctx.last.Store(ac)
	}
	res := ac.ctx
	if t.tagsKnown {
		res = &condition.Context{Parent: res}
		for k, v := range t.tags {
			res.Set("aws:ResourceTag/"+k, v)
			if t.service != "" {
				res.Set(t.service+":ResourceTag/"+k, v)
			}
		}
		res.SetAbsentPrefix("aws:ResourceTag/")
		if t.service != "" {
			res.SetAbsentPrefix(t.service + ":ResourceTag/")
		}
	}
	if r.Context == nil {
		return res
	}
	c := r.Context.Clone()
	c.Parent = res
	return c
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
