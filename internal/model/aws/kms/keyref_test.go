package kms

import (
	"testing"

	"github.com/vigil-sec/vigil/internal/model"
)

func TestKeyRefNamed(t *testing.T) {
	at := model.Origin{API: "test"}
	tests := []struct {
		name  string
		ref   KeyRef
		known bool
		want  bool
	}{
		{"left out", KeyRef{ID: model.Default("", at), CustomerManaged: model.Default(false, at)}, true, false},
		{"key ARN", KeyRef{ID: model.Set("arn:aws:kms:eu-west-1:111122223333:key/k", at), CustomerManaged: model.Set(true, at)}, true, true},
		{"AWS managed alias", KeyRef{ID: model.Set("alias/aws/sns", at), CustomerManaged: model.Set(false, at)}, true, true},
		{"reference to a declared key", KeyRef{ID: model.Unresolved[string](at), CustomerManaged: model.Set(true, at)}, true, true},
		{"reference to an aws/ alias", KeyRef{ID: model.Unresolved[string](at), CustomerManaged: model.Set(false, at)}, true, true},
		{"unknown", KeyRef{ID: model.Unresolved[string](at), CustomerManaged: model.Unresolved[bool](at)}, false, false},
		{"zero", KeyRef{}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, known := tt.ref.Named().Get()
			if known != tt.known || got != tt.want {
				t.Errorf("Named() = %v (known %v), want %v (known %v)", got, known, tt.want, tt.known)
			}
		})
	}
}
