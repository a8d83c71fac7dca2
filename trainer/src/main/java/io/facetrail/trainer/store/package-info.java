/** Append-only record files behind the trainer's caches (chips, trunk features). */
package io.facetrail.trainer.store;
