package escalation_test

import (
	"context"
	"fmt"

	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/iam/escalation"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

func ExampleAnalyze() {
	policy := func(text string) *iam.Policy {
		return iam.NewPolicy(iam.IdentityPolicy, "inline", iammodel.ParseDocument(model.Set(text, model.Origin{})))
	}
	user := func(name string, ps ...*iam.Policy) *iam.Principal {
		return &iam.Principal{Type: iam.User, Account: "111111111111", Name: name, Path: "/",
			ARN: "arn:aws:iam::111111111111:user/" + name, Policies: ps, TagsKnown: true, Complete: true}
	}
	e := &iam.Estate{Accounts: map[string]*iam.Account{"111111111111": {ID: "111111111111"}}}
	e.Add(
		user("alice", policy(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`)),
		user("helpdesk", policy(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:UpdateLoginProfile","Resource":"arn:aws:iam::111111111111:user/*"}]}`)),
	)
	res, err := escalation.Analyze(context.Background(), e, escalation.Options{})
	if err != nil {
		panic(err)
	}
	for _, p := range res.Paths {
		for _, edge := range p.Edges {
			fmt.Printf("%s -[%s]-> %s\n", edge.From, edge.Technique.ID, edge.To)
			for _, st := range edge.Steps {
				fmt.Printf("  %s on %s: %s\n", st.Action, st.Resource, st.Decision.Reason)
			}
		}
	}
	// Output:
	// user/helpdesk -[iam-update-login-profile]-> user/alice
	//   iam:UpdateLoginProfile on arn:aws:iam::111111111111:user/alice: allowed
}
