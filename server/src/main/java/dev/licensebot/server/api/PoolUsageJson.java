package dev.licensebot.server.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.licensebot.core.usage.PoolUsage;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One pool's figures, in JSON; {@link Row} is the same with the pool's name, as a CSV row. */
@JsonPropertyOrder({"inUse", "total", "dailyAverage", "dailyMax", "dailyMaxDate", "deniedToday"})
public record PoolUsageJson(int inUse, int total, BigDecimal dailyAverage, int dailyMax, LocalDate dailyMaxDate,
                            int deniedToday, @JsonIgnore String pool) {

    static PoolUsageJson of(PoolUsage usage) {
        return new PoolUsageJson(usage.inUse(), usage.total(), usage.dailyAverage(), usage.dailyMax(),
                usage.dailyMaxDate(), usage.deniedToday(), usage.pool().name());
    }

    Row row() {
        return new Row(pool, inUse, total, dailyAverage, dailyMax, dailyMaxDate, deniedToday);
    }

    @JsonPropertyOrder({"pool", "inUse", "total", "dailyAverage", "dailyMax", "dailyMaxDate", "deniedToday"})
    public record Row(String pool, int inUse, int total, BigDecimal dailyAverage, int dailyMax,
                      LocalDate dailyMaxDate, int deniedToday) {
    }
}
