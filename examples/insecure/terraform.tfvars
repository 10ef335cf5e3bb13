environment = "staging"

buckets = {
  reports = { public = false }
  website = { public = true }
}
