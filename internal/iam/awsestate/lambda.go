package awsestate

import (
	"encoding/json"
	"strings"

	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/lambda"
)

// functionPolicies returns the functions of the estate that have
// permissions, each with the resource-based policy its permissions make, as
// AWS writes it (one statement per permission). A permission whose function
// cannot be told is left out: it may add to any function's policy, which
// the estate then underestimates.
func (b *builder) functionPolicies() []*iam.Resource {
	byName := map[string][]*lambda.Permission{}
	for _, p := range b.st.Lambda.Permissions {
		if name := functionName(p.Function); name != "" {
			byName[name] = append(byName[name], p)
		}
	}
	if len(byName) == 0 {
		return nil
	}
	var rs []*iam.Resource
	for _, f := range b.st.Lambda.Functions {
		name, ok := f.FunctionName.Get()
		if !ok || len(byName[name]) == 0 {
			continue
		}
		arn := b.functionARN(f)
		doc := functionPolicy(arn, f.Origin, byName[name])
		rs = append(rs, b.resource(f.Resource, arn, doc))
	}
	return rs
}

// functionName returns the function name a permission's function (a name,
// an ARN or a partial ARN, possibly qualified) names, or "".
func functionName(v model.String) string {
	s, ok := v.Get()
	if !ok {
		return ""
	}
	if _, rest, ok := strings.Cut(s, "function:"); ok {
		s = rest
	}
	name, _, _ := strings.Cut(s, ":")
	return name
}

// functionARN returns a function's ARN as the source knows it or as the
// estate names it.
func (b *builder) functionARN(f *lambda.Function) string {
	return b.resourceARN(f.Resource, model.String{}, f.FunctionName, func(n string) string {
		return b.arn("lambda", "", "function:"+n)
	})
}

// functionPolicy writes the policy document of a function's permissions
// and parses it, so it reads as the document GetPolicy returns. Values the
// source could not resolve are written as iammodel.Unknown, making their
// statements Partial.
func functionPolicy(arn string, o model.Origin, perms []*lambda.Permission) iammodel.Document {
	type statement struct {
		Sid       string                       `json:"Sid,omitempty"`
		Effect    string                       `json:"Effect"`
		Principal any                          `json:"Principal"`
		Action    string                       `json:"Action"`
		Resource  string                       `json:"Resource"`
		Condition map[string]map[string]string `json:"Condition,omitempty"`
	}
	doc := struct {
		Version   string      `json:"Version"`
		ID        string      `json:"Id"`
		Statement []statement `json:"Statement"`
	}{Version: "2012-10-17", ID: "default"}
	for _, p := range perms {
		st := statement{
			Sid:       p.Name,
			Effect:    "Allow",
			Principal: permissionPrincipal(p.Principal),
			Action:    orUnknown(p.Action),
			Resource:  arn,
		}
		cond := func(op, key string, v model.String) {
			if s, ok := v.Get(); ok && s == "" {
				return
			}
			if st.Condition == nil {
				st.Condition = map[string]map[string]string{}
			}
			if st.Condition[op] == nil {
				st.Condition[op] = map[string]string{}
			}
			st.Condition[op][key] = orUnknown(v)
		}
		cond("ArnLike", "AWS:SourceArn", p.SourceARN)
		cond("StringEquals", "AWS:SourceAccount", p.SourceAccount)
		cond("StringEquals", "aws:PrincipalOrgID", p.PrincipalOrgID)
		cond("StringEquals", "lambda:FunctionUrlAuthType", p.FunctionURLAuthType)
		doc.Statement = append(doc.Statement, st)
	}
	// Strings and maps of strings always marshal.
	text, _ := json.Marshal(doc)
	d := iammodel.ParseDocument(model.Set(string(text), o))
	for i := range d.Statements {
		d.Statements[i].Origin = perms[i].Origin
	}
	return d
}

// permissionPrincipal writes a permission's principal as a policy does: "*",
// a service, or an account or ARN.
func permissionPrincipal(v model.String) any {
	s, ok := v.Get()
	switch {
	case !ok:
		return map[string]string{"AWS": iammodel.Unknown}
	case s == "*":
		return "*"
	case strings.HasSuffix(s, ".amazonaws.com") || strings.HasSuffix(s, ".amazonaws.com.cn"):
		return map[string]string{"Service": s}
	}
	return map[string]string{"AWS": s}
}

func orUnknown(v model.String) string {
	if s, ok := v.Get(); ok {
		return s
	}
	return iammodel.Unknown
}
