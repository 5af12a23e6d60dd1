// The namespaces nearly every file of the application uses; a file adds only what is particular to it.
global using Cooperation.Web.Data;
global using Cooperation.Web.Domain;
global using Cooperation.Web.Features.Shared;
global using Cooperation.Web.Infrastructure;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.AspNetCore.Mvc.Rendering;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Localization;
