{{/*
Each service's configuration file: what the chart must set (Kafka, HTTP, folders inside the
container, Redis address), with the service's `config` value merged over it. Every key is a setting
of the service's configuration record; the services reject unknown keys at start-up.
*/}}

{{- define "facetrail.config.ingest" -}}
{{- if not .Values.ingest.streams -}}
{{- fail "ingest.enabled needs ingest.streams: the sources to decode (see the chart's README)" -}}
{{- end -}}
{{- $cfg := dict
  "kafka" (include "facetrail.kafkaConfig" . | fromYaml)
  "http" (include "facetrail.httpConfig" (dict "root" . "port" .Values.ingest.port) | fromYaml)
  "streams" .Values.ingest.streams -}}
{{- toYaml (mustMergeOverwrite $cfg (deepCopy .Values.ingest.config)) -}}
{{- end -}}

{{- define "facetrail.config.embedder" -}}
{{- $device := .Values.embedder.device | default (ternary "gpu" "cpu" .Values.embedder.gpu.enabled) -}}
{{- $cfg := dict
  "kafka" (include "facetrail.kafkaConfig" . | fromYaml)
  "http" (include "facetrail.httpConfig" (dict "root" . "port" .Values.embedder.port) | fromYaml)
  "faces" (dict "modelsDir" "/models" "device" $device) -}}
{{- toYaml (mustMergeOverwrite $cfg (deepCopy .Values.embedder.config)) -}}
{{- end -}}

{{- define "facetrail.config.tracker" -}}
{{- $cfg := dict
  "kafka" (include "facetrail.kafkaConfig" . | fromYaml)
  "http" (include "facetrail.httpConfig" (dict "root" . "port" .Values.tracker.port) | fromYaml)
  "streams" (dict "stateDir" "/var/lib/facetrail/tracker-state") -}}
{{- toYaml (mustMergeOverwrite $cfg (deepCopy .Values.tracker.config)) -}}
{{- end -}}

{{- define "facetrail.config.matcher" -}}
{{- $redis := dict
  "host" .Values.redis.host
  "port" .Values.redis.port
  "tls" .Values.redis.tls
  "user" .Values.redis.user
  "database" .Values.redis.database
  "keyPrefix" .Values.redis.keyPrefix -}}
{{- $cfg := dict
  "kafka" (include "facetrail.kafkaConfig" . | fromYaml)
  "http" (include "facetrail.httpConfig" (dict "root" . "port" .Values.matcher.port) | fromYaml)
  "stateDir" "/var/lib/facetrail/matcher-state"
  "gallery" (dict "store" "REDIS" "redis" $redis) -}}
{{- toYaml (mustMergeOverwrite $cfg (deepCopy .Values.matcher.config)) -}}
{{- end -}}
