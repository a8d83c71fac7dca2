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

{{/* The gallery in Redis, shared by the matcher and the api (the password is a variable). */}}
{{- define "facetrail.galleryConfig" -}}
store: REDIS
redis:
  host: {{ .Values.redis.host | quote }}
  port: {{ .Values.redis.port }}
  tls: {{ .Values.redis.tls }}
  user: {{ .Values.redis.user | quote }}
  database: {{ .Values.redis.database }}
  keyPrefix: {{ .Values.redis.keyPrefix | quote }}
{{- end -}}

{{- define "facetrail.config.matcher" -}}
{{- $cfg := dict
  "kafka" (include "facetrail.kafkaConfig" . | fromYaml)
  "http" (include "facetrail.httpConfig" (dict "root" . "port" .Values.matcher.port) | fromYaml)
  "stateDir" "/var/lib/facetrail/matcher-state"
  "gallery" (include "facetrail.galleryConfig" . | fromYaml) -}}
{{- toYaml (mustMergeOverwrite $cfg (deepCopy .Values.matcher.config)) -}}
{{- end -}}

{{/*
The api: the matcher's gallery, the Kafka topics of live events, indexed videos when a claim holds
them, and the status of this release's ingest (its /api/streams answers only with apiToken set).
The keys and audit files are set by variables (FACETRAIL_ACCESS_*), as in the image, so that
`facetrail api-keys` run in the pod finds the same files.
*/}}
{{- define "facetrail.config.api" -}}
{{- $ingest := list -}}
{{- if .Values.ingest.enabled -}}
{{- $ingest = list (printf "http://%s:%v/api/streams" (include "facetrail.serviceName" (dict "root" . "service" "ingest")) .Values.ingest.port) -}}
{{- end -}}
{{- $cfg := dict
  "kafka" (include "facetrail.kafkaConfig" . | fromYaml)
  "http" (include "facetrail.httpConfig" (dict "root" . "port" .Values.api.port) | fromYaml)
  "gallery" (include "facetrail.galleryConfig" . | fromYaml)
  "access" (dict "secureCookies" .Values.api.secureCookies)
  "indexDir" (ternary "/index" "" (ne .Values.api.index.existingClaim ""))
  "ingestStatus" $ingest -}}
{{- toYaml (mustMergeOverwrite $cfg (deepCopy .Values.api.config)) -}}
{{- end -}}

{{/*
outbound: the webhooks and MQTT broker from the values. Webhook secrets and the MQTT password are
in this file, which the chart stores in a Secret.
*/}}
{{- define "facetrail.config.outbound" -}}
{{- $o := .Values.outbound -}}
{{- if not (or $o.webhooks $o.mqtt.enabled) -}}
{{- fail "outbound.enabled needs a target: outbound.webhooks or outbound.mqtt.enabled (see the chart's README)" -}}
{{- end -}}
{{- $cfg := dict
  "kafka" (include "facetrail.kafkaConfig" . | fromYaml)
  "http" (include "facetrail.httpConfig" (dict "root" . "port" $o.port) | fromYaml)
  "webhooks" $o.webhooks
  "mqtt" (deepCopy $o.mqtt) -}}
{{- toYaml (mustMergeOverwrite $cfg (deepCopy $o.config)) -}}
{{- end -}}
