package ecs

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/ecs"
	"github.com/vigil-sec/vigil/internal/secret"
)

// parseContainers decodes the container_definitions JSON text, written with
// jsonencode or as a heredoc. Every value takes the attribute's origin: the
// text has no finer positions. Absent settings are defaulted there too. An
// unknown or malformed text gives unknown containers.
func parseContainers(text model.String) ecs.Containers {
	out := ecs.Containers{Meta: model.Meta{Origin: text.Origin}}
	s, ok := text.Get()
	if !ok {
		return out
	}
	var raw []map[string]any
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		return out
	}
	o := text.Origin
	out.Certainty = model.Explicit
	for _, m := range raw {
		c := &ecs.Container{
			Name:                   str(m, "name", o),
			Image:                  str(m, "image", o),
			Privileged:             boolean(m, "privileged", o),
			ReadonlyRootFilesystem: boolean(m, "readonlyRootFilesystem", o),
			User:                   str(m, "user", o),
			LogDriver:              model.Default("", o),
		}
		if lc, ok := m["logConfiguration"].(map[string]any); ok {
			c.LogDriver = str(lc, "logDriver", o)
		}
		for _, e := range objects(m["environment"]) {
			name := scalar(e["name"])
			c.Environment = append(c.Environment, ecs.EnvVar{Name: name, Secret: model.Set(secret.Classify(name, scalar(e["value"])), o)})
		}
		slices.SortFunc(c.Environment, func(a, b ecs.EnvVar) int { return strings.Compare(a.Name, b.Name) })
		for _, e := range objects(m["secrets"]) {
			c.SecretNames = append(c.SecretNames, scalar(e["name"]))
		}
		for _, p := range objects(m["portMappings"]) {
			c.PortMappings = append(c.PortMappings, ecs.PortMapping{
				ContainerPort: integer(p, "containerPort", o),
				HostPort:      integer(p, "hostPort", o),
				Protocol:      str(p, "protocol", o),
			})
		}
		out.Items = append(out.Items, c)
	}
	return out
}

func objects(v any) []map[string]any {
	list, _ := v.([]any)
	var out []map[string]any
	for _, it := range list {
		if m, ok := it.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// scalar renders a JSON scalar as ECS reads it; jsonencode keeps numbers and
// booleans that ECS then takes as strings.
func scalar(v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		return t
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	default:
		return fmt.Sprint(t)
	}
}

func str(m map[string]any, key string, o model.Origin) model.String {
	v, ok := m[key]
	if !ok || v == nil {
		return model.Default("", o)
	}
	return model.Set(scalar(v), o)
}

func boolean(m map[string]any, key string, o model.Origin) model.Bool {
	switch v := m[key].(type) {
	case nil:
		return model.Default(false, o)
	case bool:
		return model.Set(v, o)
	case string:
		if b, err := strconv.ParseBool(v); err == nil {
			return model.Set(b, o)
		}
	}
	return model.Unresolved[bool](o)
}

func integer(m map[string]any, key string, o model.Origin) model.Int {
	switch v := m[key].(type) {
	case nil:
		return model.Default(0, o)
	case float64:
		if v == float64(int(v)) {
			return model.Set(int(v), o)
		}
	case string:
		if i, err := strconv.Atoi(v); err == nil {
			return model.Set(i, o)
		}
	}
	return model.Unresolved[int](o)
}
