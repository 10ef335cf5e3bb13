package ecs

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/model"
)

// show renders a value for comparison: "?" when unknown, "~" before a
// defaulted value.
func show[T comparable](v model.Value[T], format func(T) string) string {
	switch {
	case !v.Known():
		return "?"
	case v.Defaulted():
		return "~" + format(v.Val())
	}
	return format(v.Val())
}

func TestParseContainers(t *testing.T) {
	o := model.Origin{Range: model.Range{File: "main.tf", StartLine: 3}}
	boolStr := func(b bool) string {
		if b {
			return "true"
		}
		return "false"
	}
	str := func(s string) string { return s }
	tests := []struct {
		name      string
		text      model.String
		wantKnown bool
		want      []string
	}{
		{name: "unknown text", text: model.Unresolved[string](o)},
		{name: "malformed text", text: model.Set(`[{"name": "app",`, o)},
		{
			name:      "defaults and values",
			text:      model.Set(`[{"name":"app","privileged":true,"environment":[{"name":"DB_PASSWORD","value":"Tr0ub4dor&3x-prod"},{"name":"PORT","value":8080}]},{"name":"log","readonlyRootFilesystem":"true","logConfiguration":{"logDriver":"awslogs"}}]`, o),
			wantKnown: true,
			want: []string{
				"app privileged=true readonly=~false log=~ env=DB_PASSWORD:password,PORT:",
				"log privileged=~false readonly=true log=awslogs env=",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseContainers(tt.text)
			if got.Known() != tt.wantKnown {
				t.Fatalf("Known() = %v, want %v", got.Known(), tt.wantKnown)
			}
			var views []string
			for _, c := range got.Items {
				env := ""
				for i, e := range c.Environment {
					if i > 0 {
						env += ","
					}
					env += e.Name + ":" + e.Secret.Val()
				}
				views = append(views, c.Name.Val()+" privileged="+show(c.Privileged, boolStr)+" readonly="+show(c.ReadonlyRootFilesystem, boolStr)+
					" log="+show(c.LogDriver, str)+" env="+env)
			}
			if diff := cmp.Diff(tt.want, views); diff != "" {
				t.Errorf("containers (-want +got):\n%s", diff)
			}
		})
	}
}
