package efs

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/efs"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	iamadapt "github.com/vigil-sec/vigil/internal/source/tfaws/iam"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var fileSystemTypes = []string{"aws_efs_file_system"}

// Adapt builds the EFS state from evaluated resources.
func Adapt(set *tfres.Set) efs.State {
	// File system IDs are assigned by AWS, so companions link through
	// references only.
	policies := set.Attach("aws_efs_file_system_policy", "file_system_id", fileSystemTypes)
	backups := set.Attach("aws_efs_backup_policy", "file_system_id", fileSystemTypes)
	var st efs.State
	for _, r := range set.OfType("aws_efs_file_system") {
		b := r.Body
		token := b.String("creation_token", "")
		st.FileSystems = append(st.FileSystems, &efs.FileSystem{
			Resource:      r.Identity(token.Val()),
			CreationToken: token,
			Encryption: efs.Encryption{
				Enabled: b.Bool("encrypted", false),
				Key:     kmsadapt.KeyRef(set, b, "kms_key_id"),
			},
			ThroughputMode: b.String("throughput_mode", "bursting"),
			Policy:         adaptPolicy(set, r, policies),
			BackupEnabled:  adaptBackup(r, backups),
		})
	}
	for _, r := range set.OfType("aws_efs_access_point") {
		b := r.Body
		st.AccessPoints = append(st.AccessPoints, &efs.AccessPoint{
			Resource:      r.Identity(""),
			FileSystemID:  b.String("file_system_id", ""),
			RootDirectory: b.Block("root_directory").String("path", "/"),
			POSIXUserSet:  model.Derive(b.Block("posix_user").Int("uid", -1), func(uid int) bool { return uid >= 0 }),
		})
	}
	return st
}

func adaptPolicy(set *tfres.Set, r *tfres.Resource, comps tfres.Companions) iam.Document {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		return iamadapt.Document(set, c.Body, "policy")
	case !certain:
		return iam.Document{Raw: model.Unresolved[string](r.Body.Origin)}
	}
	// Without a policy, EFS grants full access to any IAM principal of the
	// account that can reach a mount target.
	return iam.Absent(r.Body.Origin)
}

// adaptBackup reads automatic backups from an aws_efs_backup_policy
// companion; EFS leaves them off for file systems created through the API.
func adaptBackup(r *tfres.Resource, comps tfres.Companions) model.Bool {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		status := c.Body.Block("backup_policy").String("status", "")
		return model.Derive(status, func(s string) bool { return s == "ENABLED" || s == "ENABLING" })
	case !certain:
		return model.Unresolved[bool](r.Body.Origin)
	}
	return model.Default(false, r.Body.Origin)
}
