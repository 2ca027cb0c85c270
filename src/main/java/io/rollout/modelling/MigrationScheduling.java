package io.rollout.modelling;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Lets {@link MigrationClosing#refresh()} close migrations whose batch has ended, without anyone asking. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MigrationScheduling {}
