package opensearch_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/source/terraform"
	osadapt "github.com/vigil-sec/vigil/internal/source/tfaws/opensearch"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

func TestAdaptPolicyCompanions(t *testing.T) {
	const policy = `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = "*", Action = "es:*", Resource = "*" }] })`
	tests := []struct {
		name string
		src  string
		want map[string]string // domain address → policy state
	}{
		{
			name: "inline, companion of either type, none",
			src: `
resource "aws_opensearch_domain" "inline" {
  domain_name     = "inline"
  access_policies = ` + policy + `
}
resource "aws_opensearch_domain" "os" {
  domain_name = "os"
}
resource "aws_opensearch_domain_policy" "os" {
  domain_name     = aws_opensearch_domain.os.domain_name
  access_policies = ` + policy + `
}
resource "aws_elasticsearch_domain" "es" {
  domain_name = "es"
}
resource "aws_elasticsearch_domain_policy" "es" {
  domain_name     = "es"
  access_policies = ` + policy + `
}
resource "aws_opensearch_domain" "none" {
  domain_name = "none"
}
`,
			want: map[string]string{
				"aws_opensearch_domain.inline": "parsed",
				"aws_opensearch_domain.os":     "parsed",
				"aws_elasticsearch_domain.es":  "parsed",
				"aws_opensearch_domain.none":   "none",
			},
		},
		{
			name: "unattributable companion",
			src: `
variable "domain" {
  type = string
}
resource "aws_opensearch_domain" "a" {
  domain_name = "a"
}
resource "aws_elasticsearch_domain_policy" "any" {
  domain_name     = var.domain
  access_policies = ` + policy + `
}
`,
			want: map[string]string{"aws_opensearch_domain.a": "unknown"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := terraform.Load(context.Background(), fstest.MapFS{"main.tf": {Data: []byte(tt.src)}}, ".", terraform.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, d := range osadapt.Adapt(tfres.NewSet(res.Resources)).Domains {
				switch p := d.AccessPolicy; {
				case p.Raw.Is(""):
					got[d.ID] = "none"
				case p.Known() && len(p.Statements) == 1:
					got[d.ID] = "parsed"
				default:
					got[d.ID] = "unknown"
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("policies (-want +got):\n%s", diff)
			}
		})
	}
}
