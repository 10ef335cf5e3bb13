package backup

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/backup"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	iamadapt "github.com/vigil-sec/vigil/internal/source/tfaws/iam"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var vaultTypes = []string{"aws_backup_vault"}

// Adapt builds the Backup state from evaluated resources.
func Adapt(set *tfres.Set) backup.State {
	locks := set.Attach("aws_backup_vault_lock_configuration", "backup_vault_name", vaultTypes, "name")
	policies := set.Attach("aws_backup_vault_policy", "backup_vault_name", vaultTypes, "name")
	var st backup.State
	for _, r := range set.OfType("aws_backup_vault") {
		name := r.Body.String("name", "")
		st.Vaults = append(st.Vaults, &backup.Vault{
			Resource:      r.Identity(name.Val()),
			VaultName:     name,
			EncryptionKey: kmsadapt.KeyRef(set, r.Body, "kms_key_arn"),
			Lock:          adaptLock(r, locks),
			Policy:        adaptPolicy(set, r, policies),
		})
	}
	for _, r := range set.OfType("aws_backup_plan") {
		st.Plans = append(st.Plans, adaptPlan(r))
	}
	return st
}

func adaptLock(r *tfres.Resource, comps tfres.Companions) backup.Lock {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		b := c.Body
		return backup.Lock{
			Enabled:           model.Set(true, b.Origin),
			MinRetentionDays:  b.Int("min_retention_days", 0),
			MaxRetentionDays:  b.Int("max_retention_days", 0),
			ChangeableForDays: b.Int("changeable_for_days", 0),
		}
	case !certain:
		return backup.Lock{Enabled: model.Unresolved[bool](r.Body.Origin)}
	}
	return backup.Lock{Enabled: model.Default(false, r.Body.Origin)}
}

func adaptPolicy(set *tfres.Set, r *tfres.Resource, comps tfres.Companions) iam.Document {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		return iamadapt.Document(set, c.Body, "policy")
	case !certain:
		return iam.Document{Raw: model.Unresolved[string](r.Body.Origin)}
	}
	return iam.Absent(r.Body.Origin)
}

func adaptPlan(r *tfres.Resource) *backup.Plan {
	b := r.Body
	name := b.String("name", "")
	p := &backup.Plan{Resource: r.Identity(name.Val()), PlanName: name, RulesKnown: b.BlocksKnown("rule")}
	for _, rb := range b.Blocks("rule") {
		rule := &backup.Rule{
			Origin:           rb.Origin,
			RuleName:         rb.String("rule_name", ""),
			TargetVault:      rb.String("target_vault_name", ""),
			Schedule:         rb.String("schedule", ""),
			ContinuousBackup: rb.Bool("enable_continuous_backup", false),
		}
		// Without a lifecycle, recovery points are kept until deleted by hand.
		lc := rb.Block("lifecycle")
		rule.DeleteAfterDays = lc.Int("delete_after", 0)
		rule.ColdStorageAfterDays = lc.Int("cold_storage_after", 0)
		rule.CopyActionsKnown = rb.BlocksKnown("copy_action")
		if rule.CopyActionsKnown {
			for _, ca := range rb.Blocks("copy_action") {
				rule.CopyActions = append(rule.CopyActions, backup.CopyAction{
					DestinationVaultARN: ca.String("destination_vault_arn", ""),
					DeleteAfterDays:     ca.Block("lifecycle").Int("delete_after", 0),
				})
			}
		}
		p.Rules = append(p.Rules, rule)
	}
	return p
}
