package vpc

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/vpc"
	"github.com/vigil-sec/vigil/internal/source/tfres"
	"github.com/zclconf/go-cty/cty"
)

func resource(typ, name string, attrs map[string]cty.Value) *tfres.Resource {
	b := tfres.NewBlock("", model.Origin{Range: model.Range{File: "main.tf", StartLine: 1}})
	for k, v := range attrs {
		b.Attrs[k] = &tfres.Attribute{Name: k, Value: v, Origin: b.Origin}
	}
	return &tfres.Resource{Type: typ, Name: name, Address: typ + "." + name, Body: b}
}

func ref(addr string) cty.Value {
	return cty.UnknownVal(cty.String).Mark(tfres.Ref{Address: addr, Attr: "id"})
}

func TestSecurityGroupRuleJoin(t *testing.T) {
	group := resource("aws_security_group", "app", map[string]cty.Value{"name": cty.StringVal("app")})
	rule := func(name string, groupID cty.Value) *tfres.Resource {
		return resource("aws_vpc_security_group_ingress_rule", name, map[string]cty.Value{
			"security_group_id": groupID,
			"ip_protocol":       cty.StringVal("tcp"),
			"from_port":         cty.NumberIntVal(22),
			"to_port":           cty.NumberIntVal(22),
			"cidr_ipv4":         cty.StringVal("0.0.0.0/0"),
		})
	}
	type summary struct {
		Rules    map[string]int
		Complete map[string]bool
		Detached []string
	}
	for _, tc := range []struct {
		name string
		rule *tfres.Resource
		want summary
	}{
		{
			name: "reference joins the group",
			rule: rule("ssh", ref("aws_security_group.app")),
			want: summary{Rules: map[string]int{"aws_security_group.app": 1}, Complete: map[string]bool{"aws_security_group.app": true}},
		},
		{
			name: "external group stays detached",
			rule: rule("ssh", cty.StringVal("sg-0123456789abcdef0")),
			want: summary{
				Rules:    map[string]int{"aws_security_group.app": 0},
				Complete: map[string]bool{"aws_security_group.app": true},
				Detached: []string{"sg-0123456789abcdef0"},
			},
		},
		{
			name: "unresolvable group makes every group incomplete",
			rule: rule("ssh", cty.UnknownVal(cty.String)),
			want: summary{
				Rules:    map[string]int{"aws_security_group.app": 0},
				Complete: map[string]bool{"aws_security_group.app": false},
				Detached: []string{"(unknown)"},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			groups, detached := adaptSecurityGroups(tfres.NewSet([]*tfres.Resource{group, tc.rule}))
			got := summary{Rules: map[string]int{}, Complete: map[string]bool{}}
			for _, g := range groups {
				got.Rules[g.ID] = len(g.Rules)
				got.Complete[g.ID] = g.RulesComplete
			}
			for _, r := range detached {
				id, ok := r.GroupID.Get()
				if !ok {
					id = "(unknown)"
				}
				got.Detached = append(got.Detached, id)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("join (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRuleCoversPort(t *testing.T) {
	for _, tc := range []struct {
		protocol   string
		from, to   int
		port       int
		wantCovers bool
	}{
		{vpc.ProtocolAll, 0, 0, 22, true},
		{vpc.ProtocolTCP, 0, 65535, 22, true},
		{vpc.ProtocolTCP, 20, 21, 22, false},
		{vpc.ProtocolUDP, 0, 65535, 22, false},
		{vpc.NormalizeProtocol("6"), 22, 22, 22, true},
		{vpc.ProtocolICMP, 8, 0, 22, false},
	} {
		o := model.Origin{}
		r := &vpc.Rule{Protocol: model.Set(tc.protocol, o), FromPort: model.Set(tc.from, o), ToPort: model.Set(tc.to, o)}
		covers, known := r.CoversPort(vpc.ProtocolTCP, tc.port)
		if !known || covers != tc.wantCovers {
			t.Errorf("%s %d-%d covers tcp/%d = %v, %v; want %v, true", tc.protocol, tc.from, tc.to, tc.port, covers, known, tc.wantCovers)
		}
	}
}
